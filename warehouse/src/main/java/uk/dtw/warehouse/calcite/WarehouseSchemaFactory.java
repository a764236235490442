package uk.dtw.warehouse.calcite;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.calcite.model.ModelHandler;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;
import uk.dtw.warehouse.WarehouseSnapshot;

/**
 * Makes a {@link WarehouseSchema} from a Calcite model's operands: {@code directory} (the warehouse
 * root, relative to the model file if not absolute) and optional {@code version}.
 */
public final class WarehouseSchemaFactory implements SchemaFactory {
  /** Public singleton, per Calcite's factory contract. */
  public static final WarehouseSchemaFactory INSTANCE = new WarehouseSchemaFactory();

  // Calcite's model handler takes the INSTANCE field, as for its own CsvSchemaFactory.
  private WarehouseSchemaFactory() {}

  @Override
  public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
    Object directory = operand.get("directory");
    if (directory == null) {
      throw new IllegalArgumentException(
          "schema " + name + ": operand 'directory' (the warehouse root) is required");
    }
    Path root = Path.of(directory.toString());
    Object base = operand.get(ModelHandler.ExtraOperand.BASE_DIRECTORY.camelName);
    if (base instanceof File baseDir && !root.isAbsolute()) {
      root = baseDir.toPath().resolve(root);
    }
    Object version = operand.get("version");
    Long pinned = version == null ? null : Long.valueOf(version.toString());
    return new WarehouseSchema(parentSchema, name, WarehouseSnapshot.open(root, pinned), true);
  }
}
