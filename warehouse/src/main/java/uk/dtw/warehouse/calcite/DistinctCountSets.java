package uk.dtw.warehouse.calcite;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * {@code COUNT(DISTINCT x)} counted with one hash set of x per group, instead of Calcite's rewrite
 * into an aggregate by (group, x) under an aggregate by group.
 *
 * <p>The episode measures count people: {@code COUNT(DISTINCT client_ref)} over a million episodes.
 * The rewrite builds a hash table of every (group, client_ref) pair, each key a list object and
 * each entry an accumulator record, then walks all of it once more for the outer aggregate: that
 * was most of a raw episode scan's time. A set per group holds the values themselves and is counted
 * when the group is done.
 *
 * <p>Only for values whose Java equality is SQL's: strings, integers, dates, booleans (not floating
 * point, where 0.0 and -0.0 are equal in SQL and not in {@code Double.equals}, nor decimals, where
 * 1.0 and 1.00 are). NULLs are skipped, as COUNT does: Calcite calls {@link #add} only with
 * non-null values. A call with FILTER or several arguments is left to Calcite.
 */
public final class DistinctCountSets {
  private DistinctCountSets() {}

  private static final Set<SqlTypeName> EXACT =
      EnumSet.of(
          SqlTypeName.CHAR,
          SqlTypeName.VARCHAR,
          SqlTypeName.TINYINT,
          SqlTypeName.SMALLINT,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DATE,
          SqlTypeName.BOOLEAN);

  /** The accumulator Calcite's generated code starts for each group. */
  public static Set<Object> init() {
    return new HashSet<>();
  }

  public static Set<Object> add(Set<Object> seen, Object value) {
    seen.add(value);
    return seen;
  }

  public static long result(Set<Object> seen) {
    return seen.size();
  }

  static final SqlUserDefinedAggFunction FUNCTION =
      new SqlUserDefinedAggFunction(
          new SqlIdentifier("DISTINCT_COUNT_SET", SqlParserPos.ZERO),
          SqlKind.OTHER_FUNCTION,
          ReturnTypes.BIGINT,
          InferTypes.RETURN_TYPE,
          OperandTypes.operandMetadata(
              List.of(SqlTypeFamily.ANY),
              types -> List.of(types.createSqlType(SqlTypeName.ANY)),
              i -> "value",
              i -> false),
          AggregateFunctionImpl.create(DistinctCountSets.class),
          false,
          false,
          Optionality.FORBIDDEN);

  static final RelOptRule RULE = new Rule();

  /** Whether the call is one this rewrites: COUNT(DISTINCT x), x of an exact type, no FILTER. */
  static boolean rewritable(Aggregate aggregate, AggregateCall call) {
    if (!call.isDistinct()
        || call.getAggregation().getKind() != SqlKind.COUNT
        || call.getArgList().size() != 1
        || call.filterArg >= 0
        || !call.collation.getFieldCollations().isEmpty()) {
      return false;
    }
    RelDataType type =
        aggregate.getInput().getRowType().getFieldList().get(call.getArgList().get(0)).getType();
    return EXACT.contains(type.getSqlTypeName());
  }

  private static final class Rule extends RelOptRule {
    Rule() {
      super(operand(LogicalAggregate.class, any()), "DistinctCountSets");
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      Aggregate aggregate = call.rel(0);
      return aggregate.getGroupType() == Aggregate.Group.SIMPLE
          && aggregate.getAggCallList().stream().anyMatch(c -> rewritable(aggregate, c));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Aggregate aggregate = call.rel(0);
      List<AggregateCall> calls = new ArrayList<>();
      for (AggregateCall c : aggregate.getAggCallList()) {
        calls.add(
            rewritable(aggregate, c)
                ? AggregateCall.create(
                    FUNCTION,
                    false,
                    false,
                    false,
                    List.of(),
                    c.getArgList(),
                    -1,
                    null,
                    RelCollations.EMPTY,
                    c.getType(),
                    c.getName())
                : c);
      }
      call.transformTo(
          aggregate.copy(
              aggregate.getTraitSet(),
              aggregate.getInput(),
              aggregate.getGroupSet(),
              aggregate.getGroupSets(),
              calls));
    }
  }
}
