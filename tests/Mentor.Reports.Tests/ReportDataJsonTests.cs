using System.Text.Json;
using Mentor.Reports.Tests.Support;

namespace Mentor.Reports.Tests;

public sealed class ReportDataJsonTests
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_report_round_trips_through_camel_case_json_with_the_computed_means_written_out()
    {
        var data = SampleReport.Data();

        var json = JsonSerializer.Serialize(data, CamelCase);
        var back = JsonSerializer.Deserialize<ReportData>(json, CamelCase)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, CamelCase));
        Assert.Contains("\"examplesPerClass\":1,", json);
        Assert.Contains("\"meanAccuracy\":", json);
        Assert.Contains("\"confusionMatrix\":[[", json);
        Assert.Equal(ReportFigures.Names(data), ReportFigures.Names(back));
        Assert.Equal(data.Shots!.Methods[2].Points[5].StdAccuracy, back.Shots!.Methods[2].Points[5].StdAccuracy);
    }

    [Fact]
    public void Json_with_only_a_title_gives_empty_lists_not_nulls()
    {
        var data = JsonSerializer.Deserialize<ReportData>("{\"title\":\"t\"}", CamelCase)!;

        Assert.Empty(data.Summary);
        Assert.Empty(data.Mistakes);
        Assert.Empty(data.TrainingCurves);
        Assert.Null(data.Shots);
    }
}
