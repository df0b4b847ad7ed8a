using Mentor.Features;
using Mentor.Sharding;

namespace Mentor.Fuzz.Targets;

/// <summary>
/// The Parquet feature readers: <see cref="FeatureShards.ReadAsync"/> (what <c>train</c> reads from sharded extracts) and
/// <see cref="ParquetFeatureWriter.ReadAsync"/> (an <c>extract</c> file read back). Refusal: <see cref="MentorException"/>.
/// </summary>
public sealed class ParquetTarget : FuzzTarget
{
    private static readonly string FileName = new ShardSpec(0, 1).FileName;

    public override string Name => "parquet";

    public override string Run(byte[] input)
    {
        var path = ScratchFolder.Write(FileName, input);
        string shards, rows;
        try
        {
            var set = FeatureShards.ReadAsync(path).GetAwaiter().GetResult();
            shards = $"shard accepted ({set.Paths.Count} rows)";
        }
        catch (MentorException e)
        {
            shards = "shard " + Refused(e);
        }
        try
        {
            rows = $"features accepted ({ParquetFeatureWriter.ReadAsync(path).GetAwaiter().GetResult().Count} rows)";
        }
        catch (MentorException e)
        {
            rows = "features " + Refused(e);
        }
        return $"{shards} | {rows}";
    }

    /// <summary>A one-of-one shard of three rows and an <c>extract</c> file of the same rows.</summary>
    public override void WriteSeeds(string folder)
    {
        string[] labels = ["cat", "dog"];
        string[] paths = ["cat/1.jpg", "dog/2.jpg", "dog/3.jpg"];
        int[] targets = [0, 1, 1];
        float[][] features = [[0f, 0.5f, 1f], [1f, 0f, 0.25f], [0.5f, 0.5f, 0f]];
        var inputs = ShardMetadata.Fingerprint(paths.Select((p, i) => (p, labels[targets[i]])));
        var metadata = new ShardMetadata("tiny", "tiny@0123456789abcdef", "crop1-64", labels, "1.0.0", new ShardSpec(0, 1), inputs);
        var shardRows = paths.Select((p, i) => new ShardRow { Path = p, Label = labels[targets[i]], Sha256 = new string('0', 64), Features = features[i] }).ToList();
        ShardFile.WriteAsync(Path.Combine(folder, "shard.parquet"), shardRows, metadata).GetAwaiter().GetResult();
        var extraction = new ExtractionResult(paths, features, [], 0, TimeSpan.Zero);
        var dataset = new DatasetFeatures(labels, paths, targets, features, extraction);
        ParquetFeatureWriter.WriteAsync(Path.Combine(folder, "features.parquet"), dataset, new Dictionary<string, string> { ["mentor.backbone"] = "tiny" })
            .GetAwaiter().GetResult();
    }
}
