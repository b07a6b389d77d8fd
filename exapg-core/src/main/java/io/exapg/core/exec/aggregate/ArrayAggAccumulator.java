package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.plan.AggregateCall;
import io.exapg.core.plan.SortKey;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TextFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * ARRAY_AGG: each group's values as element texts, written as one canonical array text; with
 * a separator, STRING_AGG: the non-null texts joined by it. Elements keep their arrival order
 * or are sorted by the call's ORDER BY columns (the argument itself or others), whose texts
 * are kept beside them. Meant for the modest arrays and lists catalog queries and reports
 * build; memory is charged per element.
 */
final class ArrayAggAccumulator implements Accumulator {
  private static final long ELEMENT_OVERHEAD = 48;

  /** One group's elements and, for each sort key, the key's texts beside them. */
  private record Group(List<String> elements, List<List<String>> keys) {
  }

  private final int argument;
  private final DataType elementType;
  private final String separator;
  private final List<SortKey> orderBy;
  private final List<DataType> orderByTypes;
  private final List<Group> groups = new ArrayList<>();
  private final byte[] scratch = new byte[TextFormat.MAX_FIXED_WIDTH_TEXT];
  private long bytes;

  ArrayAggAccumulator(AggregateCall call, DataType elementType) {
    this.argument = call.argument();
    this.elementType = elementType;
    this.separator = call.separator();
    this.orderBy = call.orderBy();
    this.orderByTypes = call.orderByTypes();
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
    String[] keys = new String[orderBy.size()];
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      for (int k = 0; k < keys.length; k++) {
        keys[k] = text(batch.column(orderBy.get(k).column()), orderByTypes.get(k), row);
      }
      add(groupOfRow[j], text(vector, elementType, row), keys);
    }
  }

  private String text(FieldVector vector, DataType type, int row) {
    if (vector.getNullCount() > 0
        && BitVectorHelper.get(vector.getValidityBuffer(), row) == 0) {
      return null;
    }
    if (type.physical() == PhysicalType.VARBINARY) {
      return Vectors.string(vector, row);
    }
    int length = TextFormat.writeValue(type, vector, row, scratch);
    return new String(scratch, 0, length, StandardCharsets.US_ASCII);
  }

  private void add(int group, String element, String[] sortKeys) {
    Group values = groups.get(group);
    if (values == null) {
      List<List<String>> keys = new ArrayList<>();
      for (int k = 0; k < orderBy.size(); k++) {
        keys.add(new ArrayList<>());
      }
      values = new Group(new ArrayList<>(), keys);
      groups.set(group, values);
    }
    values.elements().add(element);
    bytes += ELEMENT_OVERHEAD + (element == null ? 0 : element.length());
    for (int k = 0; k < sortKeys.length; k++) {
      values.keys().get(k).add(sortKeys[k]);
      bytes += ELEMENT_OVERHEAD + (sortKeys[k] == null ? 0 : sortKeys[k].length());
    }
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    ArrayAggAccumulator source = (ArrayAggAccumulator) other;
    String[] keys = new String[orderBy.size()];
    for (int g = 0; g < mapping.length; g++) {
      Group values = source.groups.get(g);
      if (values == null) {
        continue;
      }
      for (int e = 0; e < values.elements().size(); e++) {
        for (int k = 0; k < keys.length; k++) {
          keys[k] = values.keys().get(k).get(e);
        }
        add(mapping[g], values.elements().get(e), keys);
      }
    }
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    for (int k = 0; k < count; k++) {
      Group values = groups.get(from + k);
      List<String> elements = values == null ? null : ordered(values);
      if (separator == null) {
        writeArray(out, k, elements);
        continue;
      }
      List<String> texts = elements == null ? List.of()
          : elements.stream().filter(Objects::nonNull).toList();
      if (texts.isEmpty()) {
        ValueWriter.setNull(out, k);
      } else {
        byte[] joined = String.join(separator, texts).getBytes(StandardCharsets.UTF_8);
        ValueWriter.setBytes(out, k, joined, 0, joined.length);
      }
    }
  }

  private static void writeArray(FieldVector out, int row, List<String> elements) {
    if (elements == null) {
      ValueWriter.setNull(out, row);
      return;
    }
    byte[] array = ArrayText.format(elements).getBytes(StandardCharsets.UTF_8);
    ValueWriter.setBytes(out, row, array, 0, array.length);
  }

  /** The group's elements in the call's order; a stable sort keeps arrival order in ties. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<String> ordered(Group values) {
    List<String> elements = values.elements();
    if (orderBy.isEmpty()) {
      return elements;
    }
    int n = elements.size();
    Comparable[][] keys = new Comparable[orderBy.size()][n];
    for (int k = 0; k < keys.length; k++) {
      List<String> texts = values.keys().get(k);
      for (int e = 0; e < n; e++) {
        String text = texts.get(e);
        keys[k][e] = text == null ? null : (Comparable) TextFormat.parse(text,
            orderByTypes.get(k));
      }
    }
    Comparator<Integer> order = null;
    for (int k = 0; k < keys.length; k++) {
      SortKey key = orderBy.get(k);
      Comparable[] column = keys[k];
      Comparator<Comparable> byValue = key.descending()
          ? Comparator.<Comparable>naturalOrder().reversed() : Comparator.naturalOrder();
      Comparator<Integer> byKey = Comparator.comparing(e -> column[e], key.nullsFirst()
          ? Comparator.nullsFirst(byValue) : Comparator.nullsLast(byValue));
      order = order == null ? byKey : order.thenComparing(byKey);
    }
    Integer[] positions = new Integer[n];
    for (int e = 0; e < n; e++) {
      positions[e] = e;
    }
    Arrays.sort(positions, order);
    List<String> result = new ArrayList<>(n);
    for (int position : positions) {
      result.add(elements.get(position));
    }
    return result;
  }

  /** The partial array of the group in arrival order, and one of each sort key's texts. */
  @Override
  public List<DataType> stateTypes() {
    List<DataType> types = new ArrayList<>();
    types.add(DataType.array(elementType));
    for (DataType type : orderByTypes) {
      types.add(DataType.array(type));
    }
    return types;
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    for (int row = 0; row < count; row++) {
      Group values = groups.get(from + row);
      writeArray(out[column], row, values == null ? null : values.elements());
      for (int k = 0; k < orderBy.size(); k++) {
        writeArray(out[column + 1 + k], row, values == null ? null : values.keys().get(k));
      }
    }
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groupOfRow) {
    FieldVector vector = batch.column(column);
    String[] keys = new String[orderBy.size()];
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      if (vector.getNullCount() > 0
          && BitVectorHelper.get(vector.getValidityBuffer(), row) == 0) {
        continue;
      }
      List<String> elements = ArrayText.parse(Vectors.string(vector, row));
      List<List<String>> keyTexts = new ArrayList<>();
      for (int k = 0; k < keys.length; k++) {
        keyTexts.add(ArrayText.parse(Vectors.string(batch.column(column + 1 + k), row)));
      }
      for (int e = 0; e < elements.size(); e++) {
        for (int k = 0; k < keys.length; k++) {
          keys[k] = keyTexts.get(k).get(e);
        }
        add(groupOfRow[j], elements.get(e), keys);
      }
    }
  }

  @Override
  public long memoryBytes() {
    return bytes + (long) groups.size() * ELEMENT_OVERHEAD;
  }
}
