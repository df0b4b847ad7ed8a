using BenchmarkDotNet.Attributes;
using Mentor.Training.Heads.Logistic;

namespace Mentor.Bench;

/// <summary>
/// The logistic head's fit (libtorch's L-BFGS) on a problem of clothing-small's size: 3068 rows of 512 features,
/// 10 classes, seeded Gaussian blobs; with a fixed C, and with the default C search (5-fold cross-validation over
/// the 13-value grid, warm-started). Before the head used TorchSharp's <c>optim.LBFGS</c> it had its own L-BFGS with
/// a strong-Wolfe line search; on this problem, C from 0.001 to 100, both reached the same loss and training
/// accuracy, each repeated itself bit for bit, and neither was faster (results/lbfgs-check-2026-12-02.txt); on real
/// clothing-small features (`mentor train` with a validation folder, warm cache) head fitting took 3.0-3.5 s with the
/// own optimiser and 2.2 s with the library's, the same model (test accuracy 0.9086), quiet Zen 5.
/// Run: <c>dotnet run -c Release --project bench/Mentor.Bench -- --filter '*LogisticHead*'</c>.
/// </summary>
[MemoryDiagnoser]
public class LogisticHeadBenchmarks
{
    private const int Rows = 3068, Dimension = 512, Classes = 10;
    private float[][] _features = [];
    private int[] _labels = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var centres = Enumerable.Range(0, Classes).Select(_ => Enumerable.Range(0, Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray()).ToArray();
        _labels = Enumerable.Range(0, Rows).Select(i => i % Classes).ToArray();
        _features = _labels.Select(label => Enumerable.Range(0, Dimension).Select(j => centres[label][j] + (float)(random.NextDouble() * 4 - 2) * (j % 7 == 0 ? 10 : 1)).ToArray()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public LinearClassifier FixedC() => new LogisticRegressionTrainer(new LogisticRegressionOptions { C = 0.01 }).Fit(_features, _labels, Classes);

    [Benchmark]
    public LinearClassifier SearchedC() => new LogisticRegressionTrainer().Fit(_features, _labels, Classes);
}
