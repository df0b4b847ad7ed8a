using System.Net;
using System.Net.Http.Headers;
using Mentor.Evaluation;
using Mentor.Server.Tests.Support;

namespace Mentor.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class PredictEndpointTests(ServedModel served)
{
    public static TheoryData<string> Photos() => [.. TinyModel.Labels.SelectMany(l => SharedData.Clothing("validation", l, 2, skip: 2))];

    [Theory]
    [MemberData(nameof(Photos))]
    public async Task A_photo_as_the_raw_body_gets_its_class_as_the_top_label(string photo)
    {
        using var response = await served.Client.PostAsync("/predict?name=photo.jpg", ServedModel.Photo(photo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var prediction = Assert.Single(json.GetProperty("predictions").EnumerateArray());
        Assert.Equal("photo.jpg", prediction.GetProperty("name").GetString());
        var top = prediction.Top();
        Assert.Equal(4, top.Count); // top 5 by default, clamped to the model's 4 labels
        Assert.Equal(Json.LabelOf(photo), top[0].Label);
        Assert.Equal(top.Select(t => t.Probability).OrderDescending(), top.Select(t => t.Probability));
        Assert.Equal(1.0, top.Sum(t => t.Probability), 3);
        Assert.InRange(json.GetProperty("milliseconds").GetDouble(), 0.01, 30_000);
    }

    [Fact]
    public async Task The_server_answers_exactly_what_the_classifier_computes_in_process()
    {
        var photo = SharedData.Clothing("validation", "t-shirt", 1, skip: 3)[0];
        var expected = served.Classifier.PredictProbabilities(File.ReadAllBytes(photo), photo);

        using var response = await served.Client.PostAsync("/predict?top=4", ServedModel.Photo(photo));

        var top = (await response.ReadJsonAsync()).GetProperty("predictions")[0].Top();
        foreach (var (label, probability) in top)
            Assert.Equal(expected[Array.IndexOf(TinyModel.Labels, label)], probability, 5);
        Assert.Equal(TinyModel.Labels[ClassificationMetrics.ArgMax(expected)], top[0].Label);
    }

    [Fact]
    public async Task Multipart_with_several_files_answers_each_in_order_with_top_k()
    {
        var photos = new[] { ("shoes", 2), ("dress", 2), ("pants", 3) }.Select(c => SharedData.Clothing("validation", c.Item1, 1, c.Item2)[0]).ToList();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("ignored"), "comment");
        for (var i = 0; i < photos.Count; i++) form.Add(ServedModel.Photo(photos[i]), "files", $"photo{i}.jpg");

        using var response = await served.Client.PostAsync("/predict?top=2", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await response.ReadJsonAsync()).GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(["photo0.jpg", "photo1.jpg", "photo2.jpg"], predictions.Select(p => p.GetProperty("name").GetString()));
        Assert.All(predictions, p => Assert.Equal(2, p.Top().Count));
        Assert.Equal(photos.Select(Json.LabelOf), predictions.Select(p => p.Top()[0].Label));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("three")]
    public async Task A_bad_top_is_a_400_naming_the_parameter(string top)
    {
        using var response = await served.Client.PostAsync($"/predict?top={top}", ServedModel.Photo(SharedData.Clothing("validation", "shoes", 1)[0]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("bad_top", error.GetProperty("code").GetString());
        Assert.Contains("top must be", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Every_request_is_logged_as_one_structured_record()
    {
        var photo = SharedData.Clothing("validation", "shoes", 1)[0];
        using var content = ServedModel.Photo(photo);
        var length = content.Headers.ContentLength;

        using var response = await served.Client.PostAsync("/predict?name=logged.jpg&top=1", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = served.Logs.Entries.Last(e => e.EventId == 1 && Equals(e.Fields["RequestBytes"], length));
        Assert.Equal("POST", entry.Fields["Method"]);
        Assert.Equal("/predict", entry.Fields["Path"]);
        Assert.Equal(200, entry.Fields["Status"]);
        Assert.Equal(1, entry.Fields["Images"]);
        Assert.InRange((double)entry.Fields["Milliseconds"]!, 0.01, 30_000);
    }
}
