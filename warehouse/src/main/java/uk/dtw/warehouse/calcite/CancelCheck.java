package uk.dtw.warehouse.calcite;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * A plan node that hands on its input's rows unchanged, making a {@link QueryCheckpoint} before
 * each: put above every operator's inputs by {@link CancelCheckProgram}, so that any loop over
 * rows, however the operator above is written, stops once its statement is cancelled or past its
 * limits.
 */
final class CancelCheck extends SingleRel implements EnumerableRel {
  private static final Method CHECKED =
      Types.lookupMethod(
          QueryCheckpoint.class,
          "checked",
          Enumerable.class,
          DataContext.class,
          String.class,
          boolean.class);

  private CancelCheck(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  /** {@code input} with a check on each row; same row type, same traits (collation included). */
  static CancelCheck over(RelNode input) {
    return new CancelCheck(input.getCluster(), input.getTraitSet(), input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new CancelCheck(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder builder = new BlockBuilder();
    Expression rows = builder.append("rows", child.block);
    Expression where = Expressions.constant(getInput().getRelTypeName());
    // A leaf (scan, VALUES) hands on stored or literal values; only operators build new ones.
    Expression values = Expressions.constant(!getInput().getInputs().isEmpty());
    builder.add(
        Expressions.return_(
            null, Expressions.call(CHECKED, rows, implementor.getRootExpression(), where, values)));
    return implementor.result(child.physType, builder.toBlock());
  }
}
