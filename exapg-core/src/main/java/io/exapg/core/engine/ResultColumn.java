package io.exapg.core.engine;

import io.exapg.core.type.DataType;

/** One column of a result: its name and type. */
public record ResultColumn(String name, DataType type) {
}
