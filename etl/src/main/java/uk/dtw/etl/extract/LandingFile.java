package uk.dtw.etl.extract;

import java.io.Serializable;

/**
 * One extract file found in the landing folder.
 *
 * @param uri where Spark reads it from
 * @param relativePath its path below the landing folder: the provenance users see
 * @param sha256 hash of its bytes: the identity the manifest keeps
 * @param order position among this load's files; a later file's figure wins a tie on the same key
 * @param sheet the workbook sheet this extract is, or null for a CSV file
 */
public record LandingFile(
    String uri, String relativePath, String sha256, ExtractKind kind, int order, String sheet)
    implements Serializable {}
