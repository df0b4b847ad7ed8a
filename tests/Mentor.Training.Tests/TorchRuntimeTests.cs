using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Tests;

/// <summary>libtorch loads in the test output (the native fix works) and computes.</summary>
[Collection(LibtorchCollection.Name)]
public class TorchRuntimeTests
{
    [Fact]
    public void Matmul_of_known_matrices_gives_the_known_product()
    {
        // Given libtorch is loaded and two small matrices
        TorchRuntime.EnsureLoaded();
        using var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        using var b = tensor(new float[] { 7, 8, 9, 10, 11, 12 }, [3, 2]);

        // When multiplied by libtorch
        using var c = matmul(a, b);

        // Then the product is exact
        Assert.Equal(new float[] { 58, 64, 139, 154 }, c.data<float>().ToArray());
    }

    [Fact]
    public void A_thread_scope_sets_and_then_restores_the_thread_count()
    {
        // Given libtorch's current thread count
        TorchRuntime.EnsureLoaded();
        int before = torch.get_num_threads();

        // When a scope asks for one thread
        using (TorchRuntime.UseThreads(1))
        {
            // Then libtorch uses one inside it
            Assert.Equal(1, torch.get_num_threads());
        }

        // And the previous count afterwards
        Assert.Equal(before, torch.get_num_threads());
    }
}
