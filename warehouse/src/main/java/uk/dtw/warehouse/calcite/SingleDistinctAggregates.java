package uk.dtw.warehouse.calcite;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;

/**
 * A planning step before Calcite's standard program, for the DISTINCT calls {@link
 * DistinctCountSets} leaves (SUM(DISTINCT x), COUNT(DISTINCT) of a double): an aggregate with one
 * DISTINCT call beside plain ones becomes two plain aggregates, by the distinct argument and then
 * by the query's groups, rather than one aggregate over grouping sets.
 *
 * <p>The standard rule rewrites every DISTINCT with grouping sets: each row is then looked up once
 * per grouping set in one hash table that holds every (group, distinct value) pair, which was most
 * of a raw episode scan's time before the episode measures' COUNT(DISTINCT client_ref) went to
 * sets. Calcite's same rule without grouping sets does the two-aggregate form for exactly this
 * case; for anything else (several DISTINCT calls, FILTER) it would join copies of the input,
 * reading the table twice, so those are left to the standard rule.
 */
final class SingleDistinctAggregates {
  private SingleDistinctAggregates() {}

  static final RelOptRule RULE =
      AggregateExpandDistinctAggregatesRule.Config.DEFAULT
          .withUsingGroupingSets(false)
          .withOperandSupplier(
              b ->
                  b.operand(LogicalAggregate.class)
                      .predicate(SingleDistinctAggregates::oneDistinctCall)
                      .anyInputs())
          .as(AggregateExpandDistinctAggregatesRule.Config.class)
          .toRule();

  /**
   * One DISTINCT call, no FILTER, plain GROUP BY, and only COUNT, SUM, MIN and MAX beside it: what
   * the rule without grouping sets turns into two aggregates over one input.
   */
  static boolean oneDistinctCall(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return false;
    }
    int distinct = 0;
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.filterArg >= 0) {
        return false;
      }
      if (call.isDistinct()) {
        distinct++;
        continue;
      }
      switch (call.getAggregation().getKind()) {
        case COUNT, SUM, SUM0, MIN, MAX -> {}
        default -> {
          return false;
        }
      }
    }
    return distinct == 1;
  }
}
