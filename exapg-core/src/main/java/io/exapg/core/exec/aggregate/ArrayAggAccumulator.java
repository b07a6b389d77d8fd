package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.plan.ElementOrder;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TextFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * ARRAY_AGG: each group's values as element texts, written as one canonical array text; with
 * a separator, STRING_AGG: the non-null texts joined by it. Meant for the modest arrays and
 * lists catalog queries and reports build; memory is charged per element.
 */
final class ArrayAggAccumulator implements Accumulator {
  private static final long ELEMENT_OVERHEAD = 48;

  private final int argument;
  private final DataType elementType;
  private final ElementOrder order;
  private final String separator;
  private List<List<String>> groups = new ArrayList<>();
  private final byte[] scratch = new byte[TextFormat.MAX_FIXED_WIDTH_TEXT];
  private long bytes;

  ArrayAggAccumulator(int argument, DataType elementType, ElementOrder order,
      String separator) {
    this.argument = argument;
    this.elementType = elementType;
    this.order = order;
    this.separator = separator;
  }

  @Override
  public void ensureCapacity(int count) {
    while (groups.size() < count) {
      groups.add(null);
    }
  }

  @Override
  public void update(Batch batch, int[] groupOfRow) {
    FieldVector vector = batch.column(argument);
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      String text = vector.getNullCount() > 0
          && BitVectorHelper.get(vector.getValidityBuffer(), row) == 0 ? null : text(vector, row);
      add(groupOfRow[j], text);
    }
  }

  private String text(FieldVector vector, int row) {
    if (elementType.physical() == PhysicalType.VARBINARY) {
      return Vectors.string(vector, row);
    }
    int length = TextFormat.writeValue(elementType, vector, row, scratch);
    return new String(scratch, 0, length, StandardCharsets.US_ASCII);
  }

  private void add(int group, String element) {
    List<String> elements = groups.get(group);
    if (elements == null) {
      elements = new ArrayList<>();
      groups.set(group, elements);
    }
    elements.add(element);
    bytes += ELEMENT_OVERHEAD + (element == null ? 0 : element.length());
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    ArrayAggAccumulator source = (ArrayAggAccumulator) other;
    for (int g = 0; g < mapping.length; g++) {
      List<String> elements = source.groups.get(g);
      if (elements != null) {
        for (String element : elements) {
          add(mapping[g], element);
        }
      }
    }
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    if (separator == null) {
      writeArrays(out, from, count, order);
      return;
    }
    for (int k = 0; k < count; k++) {
      List<String> elements = groups.get(from + k);
      List<String> texts = elements == null ? List.of()
          : (order == ElementOrder.ARRIVAL ? elements : sorted(elements, order)).stream()
              .filter(java.util.Objects::nonNull).toList();
      if (texts.isEmpty()) {
        ValueWriter.setNull(out, k);
      } else {
        byte[] joined = String.join(separator, texts).getBytes(StandardCharsets.UTF_8);
        ValueWriter.setBytes(out, k, joined, 0, joined.length);
      }
    }
  }

  private void writeArrays(FieldVector out, int from, int count, ElementOrder elementOrder) {
    for (int k = 0; k < count; k++) {
      List<String> elements = groups.get(from + k);
      if (elements == null) {
        ValueWriter.setNull(out, k);
        continue;
      }
      if (elementOrder != ElementOrder.ARRIVAL) {
        elements = sorted(elements, elementOrder);
      }
      byte[] array = ArrayText.format(elements).getBytes(StandardCharsets.UTF_8);
      ValueWriter.setBytes(out, k, array, 0, array.length);
    }
  }

  /** Elements in value order, NULLs last ascending and first descending, as PostgreSQL. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<String> sorted(List<String> elements, ElementOrder elementOrder) {
    Object[][] keyed = new Object[elements.size()][];
    for (int k = 0; k < keyed.length; k++) {
      String element = elements.get(k);
      keyed[k] = new Object[] {element == null ? null : TextFormat.parse(element, elementType),
          element};
    }
    Comparator<Object[]> byValue = Comparator.comparing(pair -> (Comparable) pair[0],
        Comparator.nullsLast(Comparator.naturalOrder()));
    Arrays.sort(keyed, elementOrder == ElementOrder.DESCENDING ? byValue.reversed() : byValue);
    List<String> result = new ArrayList<>(keyed.length);
    for (Object[] pair : keyed) {
      result.add((String) pair[1]);
    }
    return result;
  }

  /** The partial array of the group, in arrival order. */
  @Override
  public List<DataType> stateTypes() {
    return List.of(DataType.array(elementType));
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    writeArrays(out[column], from, count, ElementOrder.ARRIVAL);
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groupOfRow) {
    FieldVector vector = batch.column(column);
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      if (vector.getNullCount() > 0
          && BitVectorHelper.get(vector.getValidityBuffer(), row) == 0) {
        continue;
      }
      for (String element : ArrayText.parse(Vectors.string(vector, row))) {
        add(groupOfRow[j], element);
      }
    }
  }

  @Override
  public long memoryBytes() {
    return bytes + (long) groups.size() * ELEMENT_OVERHEAD;
  }
}
