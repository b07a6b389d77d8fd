package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.plan.AggregateCall;
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
import java.util.Objects;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * ARRAY_AGG: each group's values as element texts, written as one canonical array text; with
 * a separator, STRING_AGG: the non-null texts joined by it. Elements keep their arrival order
 * or are sorted by their own values or by another column's (ORDER BY in the call), whose
 * texts are then kept beside them. Meant for the modest arrays and lists catalog queries and
 * reports build; memory is charged per element.
 */
final class ArrayAggAccumulator implements Accumulator {
  private static final long ELEMENT_OVERHEAD = 48;

  /** One group's elements and, when sorted by another column, their sort keys. */
  private record Group(List<String> elements, List<String> keys) {
  }

  private final int argument;
  private final DataType elementType;
  private final ElementOrder order;
  private final String separator;
  /** The column elements are sorted by, or -1 (by themselves, or not at all). */
  private final int key;
  private final DataType keyType;
  private final boolean nullsFirst;
  private final List<Group> groups = new ArrayList<>();
  private final byte[] scratch = new byte[TextFormat.MAX_FIXED_WIDTH_TEXT];
  private long bytes;

  ArrayAggAccumulator(AggregateCall call, DataType elementType) {
    this.argument = call.argument();
    this.elementType = elementType;
    this.order = call.order();
    this.separator = call.separator();
    this.key = call.orderKey();
    this.keyType = call.orderKeyType();
    this.nullsFirst = call.nullsFirst();
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
    FieldVector keys = key < 0 ? null : batch.column(key);
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      add(groupOfRow[j], text(vector, elementType, row),
          keys == null ? null : text(keys, keyType, row));
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

  private void add(int group, String element, String sortKey) {
    Group values = groups.get(group);
    if (values == null) {
      values = new Group(new ArrayList<>(), key < 0 ? null : new ArrayList<>());
      groups.set(group, values);
    }
    values.elements().add(element);
    bytes += ELEMENT_OVERHEAD + (element == null ? 0 : element.length());
    if (key >= 0) {
      values.keys().add(sortKey);
      bytes += ELEMENT_OVERHEAD + (sortKey == null ? 0 : sortKey.length());
    }
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    ArrayAggAccumulator source = (ArrayAggAccumulator) other;
    for (int g = 0; g < mapping.length; g++) {
      Group values = source.groups.get(g);
      if (values == null) {
        continue;
      }
      for (int e = 0; e < values.elements().size(); e++) {
        add(mapping[g], values.elements().get(e), key < 0 ? null : values.keys().get(e));
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
    if (order == ElementOrder.ARRIVAL) {
      return elements;
    }
    List<String> keys = key < 0 ? elements : values.keys();
    DataType type = key < 0 ? elementType : keyType;
    Object[][] keyed = new Object[elements.size()][];
    for (int k = 0; k < keyed.length; k++) {
      String sortKey = keys.get(k);
      keyed[k] = new Object[] {sortKey == null ? null : TextFormat.parse(sortKey, type),
          elements.get(k)};
    }
    Comparator<Comparable> byValue = order == ElementOrder.DESCENDING
        ? Comparator.<Comparable>naturalOrder().reversed() : Comparator.naturalOrder();
    Comparator<Comparable> withNulls = nullsFirst ? Comparator.nullsFirst(byValue)
        : Comparator.nullsLast(byValue);
    Arrays.sort(keyed, Comparator.comparing(pair -> (Comparable) pair[0], withNulls));
    List<String> result = new ArrayList<>(keyed.length);
    for (Object[] pair : keyed) {
      result.add((String) pair[1]);
    }
    return result;
  }

  /** The partial array of the group in arrival order, and of its sort keys if it has them. */
  @Override
  public List<DataType> stateTypes() {
    return key < 0 ? List.of(DataType.array(elementType))
        : List.of(DataType.array(elementType), DataType.array(keyType));
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    for (int k = 0; k < count; k++) {
      Group values = groups.get(from + k);
      writeArray(out[column], k, values == null ? null : values.elements());
      if (key >= 0) {
        writeArray(out[column + 1], k, values == null ? null : values.keys());
      }
    }
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
      List<String> elements = ArrayText.parse(Vectors.string(vector, row));
      List<String> keys = key < 0 ? null
          : ArrayText.parse(Vectors.string(batch.column(column + 1), row));
      for (int e = 0; e < elements.size(); e++) {
        add(groupOfRow[j], elements.get(e), keys == null ? null : keys.get(e));
      }
    }
  }

  @Override
  public long memoryBytes() {
    return bytes + (long) groups.size() * ELEMENT_OVERHEAD;
  }
}
