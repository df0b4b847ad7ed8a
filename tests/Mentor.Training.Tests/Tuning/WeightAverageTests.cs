using Mentor.Training.Tuning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.Tuning;

/// <summary>The running mean of weights over epochs that fine-tuning keeps by default.</summary>
[Collection(LibtorchCollection.Name)]
public class WeightAverageTests
{
    [Fact]
    public void The_mean_of_three_epochs_is_written_back_and_counters_keep_the_last_value()
    {
        // Given a layer with a weight, a bias, running statistics and an integer counter, at three epochs' values
        TorchRuntime.EnsureLoaded();
        using var norm = nn.BatchNorm1d(2);
        using var average = new WeightAverage();
        foreach (var (epoch, value) in new[] { (3, 1f), (4, 2f), (5, 6f) })
        {
            using (no_grad())
            {
                norm.weight!.fill_(value);
                norm.bias!.fill_(-value);
                norm.running_mean!.fill_(value * 10);
                norm.num_batches_tracked!.fill_(epoch * 100);
            }
            average.Add(norm, epoch);
        }

        // When the average is written into it
        average.RestoreInto(norm);

        // Then every floating-point value is the mean of the three, and the counter is the last epoch's
        Assert.Equal([3, 4, 5], average.Epochs);
        Assert.Equal([3f, 3f], norm.weight!.data<float>().ToArray());
        Assert.Equal([-3f, -3f], norm.bias!.data<float>().ToArray());
        Assert.Equal([30f, 30f], norm.running_mean!.data<float>().ToArray());
        Assert.Equal(500L, norm.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void Nothing_added_is_refused()
    {
        TorchRuntime.EnsureLoaded();
        using var linear = nn.Linear(2, 2);
        using var average = new WeightAverage();
        Assert.Throws<InvalidOperationException>(() => average.RestoreInto(linear));
    }
}
