using System.Diagnostics;
using Mentor.Backbones;

namespace Mentor.Bench;

/// <summary>
/// Issue 13's "one session per core" question: the raw backbone (synthetic input, batch 16) as one session with one
/// intra-op thread per core, against one single-threaded session per core running side by side, alternated three times.
/// <c>dotnet run -c Release --project bench/Mentor.Bench -- lanes-check [seconds]</c>
/// </summary>
internal static class LanesCheck
{
    public static int Run(double seconds)
    {
        var cores = Environment.ProcessorCount;
        using var shared = Backbone.Load("resnet18", BackboneOptions.Default);
        var lanes = Enumerable.Range(0, cores).Select(_ => Backbone.Load("resnet18", BackboneOptions.Default with { Threads = 1 })).ToArray();
        try
        {
            for (var round = 1; round <= 3; round++)
            {
                var one = ImagesPerSecond(shared, seconds);
                var clock = Stopwatch.StartNew();
                var perLane = new double[cores];
                Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, i => perLane[i] = ImagesPerSecond(lanes[i], seconds));
                Console.WriteLine($"round {round}: one {cores}-thread session {one:F1} images/s; {cores} one-thread sessions {perLane.Sum():F1} images/s ({string.Join(" + ", perLane.Select(p => p.ToString("F1")))}), ratio {perLane.Sum() / one:F3}");
            }
        }
        finally
        {
            foreach (var lane in lanes) lane.Dispose();
        }
        return 0;
    }

    private static double ImagesPerSecond(Backbone backbone, double seconds)
    {
        const int Batch = 16;
        var inputs = new float[Batch * backbone.Preprocessing.TensorLength];
        var random = new Random(1);
        for (var i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 255 - 128);
        var outputs = new float[Batch * backbone.FeatureSize];
        backbone.Run(inputs, Batch, outputs);
        var clock = Stopwatch.StartNew();
        var images = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            backbone.Run(inputs, Batch, outputs);
            images += Batch;
        }
        return images / clock.Elapsed.TotalSeconds;
    }
}
