using System.Text.Json.Serialization;
using Mentor.Evaluation;
using Mentor.Features;

namespace Mentor.Cli.Commands;

/// <summary>The JSON of <c>evaluate</c>: the metrics' fields at the top level, plus the skipped files.</summary>
internal sealed record EvaluationReport(
    [property: JsonIgnore] ClassificationMetrics Metrics,
    IReadOnlyList<SkippedFile> Skipped)
{
    public int Images => Metrics.Images;
    public double Accuracy => Metrics.Accuracy;
    public double BalancedAccuracy => Metrics.BalancedAccuracy;
    public double MacroF1 => Metrics.MacroF1;
    public double Top5Accuracy => Metrics.Top5Accuracy;
    public double LogLoss => Metrics.LogLoss;
    public IReadOnlyList<string> Labels => Metrics.Labels;
    public IReadOnlyList<ClassMetrics> PerClass => Metrics.PerClass;
    public int[][] ConfusionMatrix => Metrics.ConfusionMatrix;
}
