package dev.resface.spark;

import dev.resface.faceapi.DetectedFace;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The results table: one row per photo. */
final class PhotoRow {
    static final String OK = "ok";
    static final String NO_FACE = "no_face";
    static final String ERROR = "error";

    static final StructType FACE = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("x", DataTypes.DoubleType, false),
        DataTypes.createStructField("y", DataTypes.DoubleType, false),
        DataTypes.createStructField("width", DataTypes.DoubleType, false),
        DataTypes.createStructField("height", DataTypes.DoubleType, false),
        DataTypes.createStructField("score", DataTypes.DoubleType, false)});

    static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("path", DataTypes.StringType, false),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("error", DataTypes.StringType, true),
        DataTypes.createStructField("faces", DataTypes.IntegerType, false),
        DataTypes.createStructField("boxes", DataTypes.createArrayType(FACE, false), false),
        DataTypes.createStructField("output", DataTypes.StringType, true),
        DataTypes.createStructField("seconds", DataTypes.DoubleType, false)});

    private PhotoRow() {}

    /** An edited photo; {@code boxes} in the photo's pixels, as the detector gave them. */
    static Row ok(String path, List<DetectedFace> boxes, String output, double seconds) {
        List<Row> faces = new ArrayList<>();
        for (DetectedFace f : boxes) {
            faces.add(RowFactory.create(f.x(), f.y(), f.width(), f.height(), f.score()));
        }
        return RowFactory.create(path, boxes.isEmpty() && output == null ? NO_FACE : OK, null, boxes.size(), seq(faces),
                output, seconds);
    }

    static Row crop(String path, String output, double seconds) {
        return RowFactory.create(path, OK, null, 1, seq(List.of()), output, seconds);
    }

    static Row error(String path, String message, double seconds) {
        return RowFactory.create(path, ERROR, message, 0, seq(List.of()), null, seconds);
    }

    /** Spark's rows hold arrays as Scala sequences. */
    private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toList();
    }
}
