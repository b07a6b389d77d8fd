package io.exapg.core.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TypeId;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY's string input: UTF-8 validation, length limits in characters, CHAR padding. */
class CopyValueWriterTest {
  private BufferAllocator allocator;
  private VarCharVector vector;
  private final CopyValueWriter writer = new CopyValueWriter();

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    vector = new VarCharVector("v", allocator);
    vector.allocateNew();
  }

  @AfterEach
  void close() {
    vector.close();
    allocator.close();
  }

  private String write(DataType type, byte[] input) {
    writer.write(vector, type, 0, input, 0, input.length);
    vector.setValueCount(1);
    return new String(vector.get(0), StandardCharsets.UTF_8);
  }

  private String write(DataType type, String input) {
    return write(type, input.getBytes(StandardCharsets.UTF_8));
  }

  private static DataType character(int length) {
    return new DataType(TypeId.CHAR, length, 0);
  }

  @Test
  void lengthsCountCharactersNotBytes() {
    assertEquals("ééé", write(DataType.varchar(3), "ééé"));
    assertEquals("12345678€", write(DataType.varchar(9), "12345678€"));
    assertEquals("abcdefghijklmnop😀", write(DataType.varchar(17), "abcdefghijklmnop😀"));
    ExaException tooLong = assertThrows(ExaException.class,
        () -> write(DataType.varchar(8), "12345678€"));
    assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, tooLong.state());
    // trailing spaces beyond the limit are dropped, as in PostgreSQL
    assertEquals("abc", write(DataType.varchar(3), "abc   "));
  }

  @Test
  void charIsPaddedToItsLengthInCharacters() {
    assertEquals("ab   ", write(character(5), "ab"));
    assertEquals("€uro ", write(character(5), "€uro"));
    assertEquals("0123456789", write(character(10), "0123456789"));
  }

  @Test
  void invalidUtf8IsRefusedWhereverItStands() {
    byte[][] invalid = {
        {(byte) 0xC3, 0x28},
        {(byte) 0x80},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', (byte) 0xFF},
        {'a', 'b', 'c', 'd', 'e', 'f', 'g', (byte) 0xC3}};
    for (byte[] bytes : invalid) {
      ExaException refused = assertThrows(ExaException.class, () -> write(DataType.TEXT,
          bytes));
      assertEquals(SqlState.CHARACTER_NOT_IN_REPERTOIRE, refused.state());
    }
  }
}
