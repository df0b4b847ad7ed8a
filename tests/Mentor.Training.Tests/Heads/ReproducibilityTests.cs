using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

[Collection(LibtorchCollection.Name)]
public sealed class ReproducibilityTests
{
    /// <summary>
    /// Given a small, weakly regularised problem (where the tiniest rounding difference moves the optimum), when it is
    /// fitted several times in one process, then the weights are identical to the bit: MKL's alignment-dependent code
    /// paths are pinned (MKL_CBWR), so a seed really makes a run repeatable.
    /// </summary>
    [Fact]
    public void Fitting_the_same_data_twice_in_one_process_gives_bit_identical_weights()
    {
        var random = new Random(1);
        var features = Enumerable.Range(0, 14).Select(_ => Enumerable.Range(0, 512).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 14).Select(i => i % 2).ToArray();
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { Seed = 7 });

        var fits = Enumerable.Range(0, 4).Select(_ => trainer.Fit(features, labels, 2).Weights.ToArray()).ToList();

        Assert.All(fits, weights => Assert.Equal(fits[0], weights));
    }
}
