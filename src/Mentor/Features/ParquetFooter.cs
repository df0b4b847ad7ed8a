namespace Mentor.Features;

/// <summary>
/// Checks that a Parquet file's footer (Thrift compact protocol) is well formed before Parquet.Net reads it: Parquet.Net
/// 6.1.0 skips boolean list elements without consuming their bytes, so a damaged footer claiming a list of two billion of
/// them spins for minutes. Here every value must fit in the bytes left, so the walk is bounded by the footer's length.
/// </summary>
internal static class ParquetFooter
{
    private const int MaxDepth = 64;

    /// <summary>Why the footer of the Parquet file in <paramref name="stream"/> is unusable, or null when it is well formed; leaves the stream at its start.</summary>
    public static string? Problem(Stream stream)
    {
        ReadOnlySpan<byte> magic = "PAR1"u8;
        if (stream.Length < 12) return "too short for a Parquet file";
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[8];
        stream.ReadExactly(head);
        stream.Position = stream.Length - tail.Length;
        stream.ReadExactly(tail);
        if (!head.SequenceEqual(magic) || !tail[4..].SequenceEqual(magic)) return "no PAR1 marks at both ends";
        var length = BitConverter.ToInt32(tail[..4]);
        if (length <= 0 || length > stream.Length - 12) return $"its footer length {length} does not fit in the file";
        var footer = new byte[length];
        stream.Position = stream.Length - tail.Length - length;
        stream.ReadExactly(footer);
        stream.Position = 0;
        return new Reader(footer).Struct(0) ? null : "its footer is damaged";
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        private readonly int Left => _bytes.Length - _at;

        public bool Struct(int depth)
        {
            if (depth > MaxDepth) return false;
            while (true)
            {
                if (!Byte(out var header)) return false;
                if (header == 0) return true;
                if (header >> 4 == 0 && !VarInt(out _)) return false; // a long-form field id
                if (!Value(header & 0x0f, depth, inList: false)) return false;
            }
        }

        private bool Value(int type, int depth, bool inList) => type switch
        {
            1 or 2 => !inList || Skip(1), // booleans: in the field header, but one byte each in a list
            3 => Skip(1),
            4 or 5 or 6 => VarInt(out _),
            7 => Skip(8),
            8 => VarInt(out var size) && size <= (ulong)Left && Skip((int)size),
            9 or 10 => List(depth),
            11 => Map(depth),
            12 => Struct(depth + 1),
            13 => Skip(16),
            _ => false,
        };

        private bool List(int depth)
        {
            if (!Byte(out var header)) return false;
            ulong count = (ulong)(header >> 4);
            if (count == 15 && !VarInt(out count)) return false;
            if (count > (ulong)Left) return false; // every element takes at least one byte
            for (var i = 0UL; i < count; i++)
                if (!Value(header & 0x0f, depth + 1, inList: true)) return false;
            return true;
        }

        private bool Map(int depth)
        {
            if (!VarInt(out var count)) return false;
            if (count == 0) return true;
            if (!Byte(out var types) || count > (ulong)Left / 2) return false;
            for (var i = 0UL; i < count; i++)
                if (!Value(types >> 4, depth + 1, inList: true) || !Value(types & 0x0f, depth + 1, inList: true)) return false;
            return true;
        }

        private bool Byte(out int value)
        {
            value = Left > 0 ? _bytes[_at++] : -1;
            return value >= 0;
        }

        private bool Skip(int count)
        {
            if (count > Left) return false;
            _at += count;
            return true;
        }

        private bool VarInt(out ulong value)
        {
            value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (!Byte(out var b)) return false;
                value |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0) return true;
            }
            return false;
        }
    }
}
