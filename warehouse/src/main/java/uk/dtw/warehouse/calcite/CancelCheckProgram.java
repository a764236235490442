package uk.dtw.warehouse.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;

/**
 * The last step of planning: a {@link CancelCheck} on every input of every operator of the physical
 * plan. The leaves need none (our scans check themselves, VALUES are finite) and the root is read
 * by the JDBC result set, which checks the cancel flag itself.
 */
public final class CancelCheckProgram implements Program {
  /**
   * How DISTINCT aggregates are computed, decided on the logical plan bottom-up before Calcite's
   * standard program: COUNT(DISTINCT) in sets ({@link DistinctCountSets}), then what DISTINCT calls
   * remain as two plain aggregates ({@link SingleDistinctAggregates}). Plan choices for speed that
   * change no answer.
   */
  private static final Program DISTINCT_AGGREGATES =
      Programs.hep(
          List.of(DistinctCountSets.RULE, SingleDistinctAggregates.RULE),
          true,
          DefaultRelMetadataProvider.INSTANCE);

  private static final Program CHECKED =
      Programs.sequence(DISTINCT_AGGREGATES, Programs.standard(), new CancelCheckProgram());
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private CancelCheckProgram() {}

  /**
   * Makes every Calcite statement in this JVM plan with the checks: Calcite's program hook, read by
   * each preparation, rather than a prepare factory of our own, because the JDBC endpoint's
   * connections come from Calcite's own driver instance (CalciteMetaImpl.connect), which no factory
   * of ours reaches.
   */
  public static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      Hook.PROGRAM.<Holder<Program>>add(holder -> holder.set(CHECKED));
    }
  }

  @Override
  public RelNode run(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    return withChecks(rel);
  }

  static RelNode withChecks(RelNode node) {
    if (!(node instanceof EnumerableRel) || node.getInputs().isEmpty()) {
      return node;
    }
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      RelNode checked = withChecks(input);
      inputs.add(checked instanceof EnumerableRel ? CancelCheck.over(checked) : checked);
    }
    return node.copy(node.getTraitSet(), inputs);
  }
}
