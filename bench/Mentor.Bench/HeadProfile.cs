using System.Diagnostics;
using Mentor.Heads;
using Mentor.Models;
using Mentor.Sharding;
using Mentor.Training.Heads.Logistic;

namespace Mentor.Bench;

/// <summary>
/// Where the logistic head's fit spends its time: the C search's iterations per grid value, and the seconds of the whole
/// fit, on features from <c>mentor extract &lt;dir&gt; -o features.parquet</c> (sqrt-transformed as the head does).
/// <c>dotnet run -c Release --project bench/Mentor.Bench -- head-profile features.parquet [threads]</c>
/// </summary>
internal static class HeadProfile
{
    public static async Task<int> RunAsync(string features, int threads)
    {
        var shards = await FeatureShards.ReadAsync(features);
        var rows = shards.Features.Select(r => ClassifierHead.Apply(FeatureTransform.Sqrt, r)).ToArray();
        for (var round = 1; round <= 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var head = new LogisticRegressionTrainer(new LogisticRegressionOptions { Threads = threads }).Fit(rows, shards.Targets, shards.Labels.Count);
            Console.WriteLine($"round {round}: {rows.Length} x {rows[0].Length}, {threads} thread(s): {clock.Elapsed.TotalSeconds:F2} s, chose C={head.C:G3}; " +
                string.Join(", ", head.Scores.Select(s => $"C={s.C:G3} {s.Iterations} it acc {s.Accuracy:F4}")));
        }
        return 0;
    }
}
