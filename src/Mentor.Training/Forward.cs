using Mentor.Backbones;
using Mentor.Data;
using Mentor.Features;
using Mentor.Quantization;

namespace Mentor.Training;

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class Forward<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
