using System.Globalization;
using Mentor.Training.Ranking;
using Spectre.Console;

namespace Mentor.Cli.Terminal;

/// <summary>The ranked table of <c>mentor rank</c>: one row per candidate, best LogME first, with each score's rank.</summary>
internal static class RankingView
{
    public static void Render(IAnsiConsole console, RankingResult result)
    {
        var candidates = result.Candidates;
        var knnRanks = Ranks(candidates, c => c.KnnAccuracy);
        var verified = candidates.All(c => c.LinearAccuracy is not null);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("backbone").AddColumn(new TableColumn("dims").RightAligned())
            .AddColumn(new TableColumn("LogME (#)").RightAligned()).AddColumn(new TableColumn("k-NN LOO (#)").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned());
        if (verified) table.AddColumn(new TableColumn("linear val. (#)").RightAligned());
        var linearRanks = verified ? Ranks(candidates, c => c.LinearAccuracy!.Value) : [];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            List<string> cells =
            [
                Markup.Escape(c.Backbone),
                c.Dimensions.ToString(CultureInfo.InvariantCulture),
                Invariant($"{c.LogMe:F4} ({i + 1})"),
                Invariant($"{c.KnnAccuracy:F4} k={c.KnnK} ({knnRanks[i]})"),
                Invariant($"{c.Seconds:F1}"),
            ];
            if (verified) cells.Add(Invariant($"{c.LinearAccuracy:F4} ({linearRanks[i]})"));
            table.AddRow([.. cells]);
        }
        var caption = Invariant($"{result.TrainImages} photos, {result.Classes} classes; seconds: features (cached when there), k-NN and LogME");
        if (result.KendallTau is { } tau)
            caption += Invariant($"\nKendall tau against the linear head's validation accuracy ({result.ValidationImages} photos): LogME {tau.LogMe:F3}, k-NN {tau.KnnAccuracy:F3}");
        table.Caption(Markup.Escape(caption));
        console.Write(table);
    }

    // 1 for the highest value; equal values share the better rank.
    private static int[] Ranks(IReadOnlyList<CandidateScore> candidates, Func<CandidateScore, double> score) =>
        [.. candidates.Select(c => 1 + candidates.Count(o => score(o) > score(c)))];

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
