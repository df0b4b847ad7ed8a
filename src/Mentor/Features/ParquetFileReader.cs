namespace Mentor.Features;

/// <summary>Reads Parquet files with Parquet.Net so that a damaged file fails with one typed line, never a library exception or a hang.</summary>
internal static class ParquetFileReader
{
    /// <summary>
    /// Opens <paramref name="path"/> (I/O errors stay I/O errors), checks its footer (<see cref="ParquetFooter"/>), then runs
    /// <paramref name="read"/> on it; <paramref name="damaged"/> builds the caller's typed exception from the reason.
    /// </summary>
    public static async Task<T> ReadAsync<T>(string path, Func<Stream, Task<T>> read, Func<string, Exception> damaged)
    {
        await using var stream = File.OpenRead(path);
        if (ParquetFooter.Problem(stream) is { } problem) throw damaged(problem);
        try
        {
            return await read(stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Parquet.Net reports damage with many exception types (ThriftProtocolException, InvalidDataException,
            // IOException, ArgumentException, IndexOutOfRangeException, InvalidOperationException, ...), all found by fuzzing.
            throw damaged(e.Message.Split('\n')[0].Trim());
        }
    }
}
