package uk.dtw.api.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The {@code DatabaseMetaData} half of the endpoint's {@link Meta}: each call goes to the Calcite
 * metadata of the client's own session, so a client lists exactly the schemas, tables, views and
 * columns its queries can name. {@link JdbcMeta} adds the statements and the rules.
 */
abstract class MetadataMeta implements Meta {

  /** Work done on one session, which is locked for it. */
  @FunctionalInterface
  interface SessionCall<T, E extends Exception> {
    T apply(Session session) throws E;
  }

  /** Runs {@code call} on the open session {@code connectionId}, wording any failure for JDBC. */
  abstract <T, E extends Exception> T in(String connectionId, SessionCall<T, E> call) throws E;

  private MetaResultSet meta(ConnectionHandle ch, SessionCall<MetaResultSet, RuntimeException> c) {
    return in(ch.id, session -> forClient(ch, c.apply(session)));
  }

  /**
   * A metadata result set as the remote client can take it. Calcite names its own connection in it;
   * the client must see its own, or it closes those statements on a connection the server does not
   * know. And Calcite's rows are objects (one MetaTable per table), which Avatica's protobuf cannot
   * carry ("Only arrays are supported"): they go as lists, in the columns' order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static MetaResultSet forClient(ConnectionHandle ch, MetaResultSet rs) {
    if (rs.updateCount != -1) {
      return MetaResultSet.count(ch.id, rs.statementId, rs.updateCount);
    }
    Signature signature = rs.signature;
    Frame frame = rs.firstFrame;
    if (frame != null && signature.cursorFactory.style == Style.RECORD) {
      List rows = MetaImpl.collect(signature.cursorFactory, frame.rows, new ArrayList<>());
      signature = signature.setCursorFactory(CursorFactory.LIST);
      frame = new Frame(frame.offset, frame.done, rows);
    }
    return MetaResultSet.create(ch.id, rs.statementId, rs.ownStatement, signature, frame);
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    return in(ch.id, s -> s.meta.getDatabaseProperties(ch));
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    return meta(
        ch,
        s ->
            named(
                s.meta.getTables(ch, catalog, schemaPattern, tableNamePattern, typeList),
                tableNamePattern));
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    return meta(
        ch,
        s ->
            named(
                s.meta.getColumns(ch, catalog, schemaPattern, tableNamePattern, columnNamePattern),
                tableNamePattern));
  }

  /**
   * Only the rows of tables whose name matches the pattern. Calcite 1.42 matches it against tables
   * but adds every view whatever its name (CalciteMetaImpl.tables concatenates all nullary table
   * macros), so asking for the columns of one view gave those of all: what a client such as DBeaver
   * asks for each view it shows.
   */
  private static MetaResultSet named(MetaResultSet rs, Pat tableNamePattern) {
    if (rs.firstFrame == null || tableNamePattern.s == null) {
      return rs;
    }
    Predicate1<String> matches = LikePattern.matcher(tableNamePattern.s);
    List<Object> kept = new ArrayList<>();
    for (Object row : rs.firstFrame.rows) {
      String table =
          row instanceof MetaImpl.MetaTable t
              ? t.tableName
              : row instanceof MetaImpl.MetaColumn c ? c.tableName : null;
      if (table == null || matches.apply(table)) {
        kept.add(row);
      }
    }
    return MetaResultSet.create(
        rs.connectionId,
        rs.statementId,
        rs.ownStatement,
        rs.signature,
        new Frame(rs.firstFrame.offset, rs.firstFrame.done, kept));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return meta(ch, s -> s.meta.getSchemas(ch, catalog, schemaPattern));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return meta(ch, s -> s.meta.getCatalogs(ch));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return meta(ch, s -> s.meta.getTableTypes(ch));
  }

  @Override
  public MetaResultSet getProcedures(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat procedureNamePattern) {
    return meta(ch, s -> s.meta.getProcedures(ch, catalog, schemaPattern, procedureNamePattern));
  }

  @Override
  public MetaResultSet getProcedureColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat procedureNamePattern,
      Pat columnNamePattern) {
    return meta(
        ch,
        s ->
            s.meta.getProcedureColumns(
                ch, catalog, schemaPattern, procedureNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getColumnPrivileges(
      ConnectionHandle ch, String catalog, String schema, String table, Pat columnNamePattern) {
    return meta(ch, s -> s.meta.getColumnPrivileges(ch, catalog, schema, table, columnNamePattern));
  }

  @Override
  public MetaResultSet getTablePrivileges(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern) {
    return meta(ch, s -> s.meta.getTablePrivileges(ch, catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public MetaResultSet getBestRowIdentifier(
      ConnectionHandle ch,
      String catalog,
      String schema,
      String table,
      int scope,
      boolean nullable) {
    return meta(ch, s -> s.meta.getBestRowIdentifier(ch, catalog, schema, table, scope, nullable));
  }

  @Override
  public MetaResultSet getVersionColumns(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return meta(ch, s -> s.meta.getVersionColumns(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getPrimaryKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return meta(ch, s -> s.meta.getPrimaryKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getImportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return meta(ch, s -> s.meta.getImportedKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getExportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return meta(ch, s -> s.meta.getExportedKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getCrossReference(
      ConnectionHandle ch,
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    return meta(
        ch,
        s ->
            s.meta.getCrossReference(
                ch,
                parentCatalog,
                parentSchema,
                parentTable,
                foreignCatalog,
                foreignSchema,
                foreignTable));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return meta(ch, s -> s.meta.getTypeInfo(ch));
  }

  @Override
  public MetaResultSet getIndexInfo(
      ConnectionHandle ch,
      String catalog,
      String schema,
      String table,
      boolean unique,
      boolean approximate) {
    return meta(ch, s -> s.meta.getIndexInfo(ch, catalog, schema, table, unique, approximate));
  }

  @Override
  public MetaResultSet getUDTs(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern, int[] types) {
    return meta(ch, s -> s.meta.getUDTs(ch, catalog, schemaPattern, typeNamePattern, types));
  }

  @Override
  public MetaResultSet getSuperTypes(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern) {
    return meta(ch, s -> s.meta.getSuperTypes(ch, catalog, schemaPattern, typeNamePattern));
  }

  @Override
  public MetaResultSet getSuperTables(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern) {
    return meta(ch, s -> s.meta.getSuperTables(ch, catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public MetaResultSet getAttributes(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat typeNamePattern,
      Pat attributeNamePattern) {
    return meta(
        ch,
        s ->
            s.meta.getAttributes(
                ch, catalog, schemaPattern, typeNamePattern, attributeNamePattern));
  }

  @Override
  public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return meta(ch, s -> s.meta.getClientInfoProperties(ch));
  }

  @Override
  public MetaResultSet getFunctions(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    return meta(ch, s -> s.meta.getFunctions(ch, catalog, schemaPattern, functionNamePattern));
  }

  @Override
  public MetaResultSet getFunctionColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat functionNamePattern,
      Pat columnNamePattern) {
    return meta(
        ch,
        s ->
            s.meta.getFunctionColumns(
                ch, catalog, schemaPattern, functionNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getPseudoColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    return meta(
        ch,
        s ->
            s.meta.getPseudoColumns(
                ch, catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }
}
