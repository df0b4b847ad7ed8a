using Mentor.Evaluation;
using Spectre.Console;

namespace Mentor.Cli.Terminal;

/// <summary>Renders <see cref="ClassificationMetrics"/> as a summary, a per-class table and a confusion matrix.</summary>
internal static class MetricsView
{
    public static void Render(IAnsiConsole console, string title, ClassificationMetrics metrics)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        var summary = new Table().Border(TableBorder.Rounded)
            .AddColumns("Images", "Accuracy", "Balanced acc.", "Macro-F1", "Top-5 acc.", "Log loss");
        summary.AddRow($"{metrics.Images}", $"[bold]{metrics.Accuracy:F4}[/]", $"{metrics.BalancedAccuracy:F4}", $"{metrics.MacroF1:F4}",
            $"{metrics.Top5Accuracy:F4}", $"{metrics.LogLoss:F4}");
        console.Write(summary);

        var perClass = new Table().Border(TableBorder.Simple).AddColumns("Class", "Precision", "Recall", "F1", "Support");
        foreach (var c in metrics.PerClass)
            perClass.AddRow(Markup.Escape(c.Label), $"{c.Precision:F3}", $"{c.Recall:F3}", $"{c.F1:F3}", $"{c.Support}");
        console.Write(perClass);
        console.Write(ConfusionMatrix(metrics));
    }

    /// <summary>Rows: true class; columns: predicted class; the diagonal in green.</summary>
    private static Table ConfusionMatrix(ClassificationMetrics metrics)
    {
        var labels = metrics.Labels;
        var table = new Table().Border(TableBorder.Simple).Title("confusion matrix (rows: true, columns: predicted)");
        table.AddColumn("true \\ predicted");
        foreach (var label in labels) table.AddColumn(new TableColumn(Markup.Escape(Abbreviate(label))).RightAligned());
        for (var t = 0; t < labels.Count; t++)
        {
            var cells = new List<string> { Markup.Escape(labels[t]) };
            for (var p = 0; p < labels.Count; p++)
            {
                var count = metrics.ConfusionMatrix[t][p];
                cells.Add(count == 0 ? "[grey].[/]" : t == p ? $"[green]{count}[/]" : $"[red]{count}[/]");
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static string Abbreviate(string label) => label.Length <= 8 ? label : label[..7] + "…";
}
