using Mentor.Reports.Plots;
using Mentor.Reports.Tests.Support;
using ScottPlot;

namespace Mentor.Reports.Tests.Plots;

/// <summary>A reader matches lines across a report's figures by colour: each method keeps one colour in all of them.</summary>
public sealed class MethodColourTests
{
    [Fact]
    public void A_method_has_the_same_colour_in_the_accuracy_plots_and_the_training_curves()
    {
        // As in compare's reports: four methods in the accuracy plots, only the trained networks among the curves,
        // so "fine-tuned" is the third series there and the first here.
        var data = SampleReport.Data();
        var order = FigureCatalog.MethodOrder(data);
        using var shots = AccuracyByShotsPlot.Build(data.Shots!, order);
        using var time = AccuracyByTimePlot.Build(data.Shots!, order);
        var (loss, accuracy) = TrainingCurvesPlot.Build(data.TrainingCurves, order);
        using (loss)
        using (accuracy)
        {
            var colours = new[] { shots, time, loss, accuracy! }.Select(Colours).ToList();
            Assert.Equal(SampleReport.Methods, colours[0].Keys);
            Assert.Equal(SampleReport.Methods.Length, colours[0].Values.Distinct().Count());
            Assert.Equal(colours[0], colours[1]);
            foreach (var curves in colours.Skip(2))
            {
                Assert.Equal(["fine-tuned", "from scratch"], curves.Keys);
                Assert.All(curves, c => Assert.Equal(colours[0][c.Key], c.Value));
            }
        }
    }

    [Fact]
    public void A_plot_drawn_alone_gives_its_series_distinct_colours()
    {
        var (loss, accuracy) = TrainingCurvesPlot.Build(SampleReport.Data().TrainingCurves);
        using (loss)
        using (accuracy)
            Assert.Equal(2, Colours(loss).Values.Distinct().Count());
    }

    // Legend text (without a curve's "(8 min)" suffix) -> line colour, in drawing order.
    private static Dictionary<string, Color> Colours(Plot plot) =>
        plot.GetPlottables<ScottPlot.Plottables.Scatter>()
            .ToDictionary(s => s.LegendText.Split(" (")[0], s => s.Color);
}
