using Mentor.Sharding;

namespace Mentor.ShardTools;

/// <summary>
/// A synthetic large dataset for the head at scale: <c>rows</c> rows drawn with replacement from real feature shards, each
/// value multiplied by (1 + 0.1 z), z standard normal (features stay non-negative, as the backbone's are), written as
/// <c>shards</c> Parquet shards with the source's backbone metadata. Seeded: the same arguments give the same files.
/// </summary>
internal static class SyntheticShards
{
    public static async Task<int> RunAsync(string source, string output, int rows, int shards)
    {
        var real = await FeatureShards.ReadAsync(source);
        var random = new Random(42);
        Directory.CreateDirectory(output);
        for (var s = 0; s < shards; s++)
        {
            var shard = new ShardSpec(s, shards);
            var count = rows / shards + (s < rows % shards ? 1 : 0);
            var written = new List<ShardRow>(count);
            for (var r = 0; r < count; r++)
            {
                var i = random.Next(real.Count);
                var features = real.Features[i].Select(v => (float)(v * Math.Max(0, 1 + 0.1 * Normal(random)))).ToArray();
                written.Add(new ShardRow { Path = $"synthetic/{s:D5}/{r:D7}-{real.Paths[i]}", Label = real.Labels[real.Targets[i]], Sha256 = "", Features = features });
            }
            var metadata = real.Metadata with { Shard = shard, Inputs = $"synthetic from {real.Count} rows" };
            await ShardFile.WriteAsync(Path.Combine(output, shard.FileName), written, metadata);
            Console.Error.WriteLine($"{shard.FileName}: {count} rows");
        }
        return 0;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
