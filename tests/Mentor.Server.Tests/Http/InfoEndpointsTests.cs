using System.Net;
using Mentor.Server.Tests.Support;

namespace Mentor.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class InfoEndpointsTests(ServedModel served)
{
    [Fact]
    public async Task Model_describes_the_loaded_file()
    {
        using var response = await served.Client.GetAsync("/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("clothing4.onnx", json.GetProperty("file").GetString());
        Assert.Equal(TinyModel.Labels, json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("resnet18", json.GetProperty("backbone").GetString());
        Assert.Equal("logistic", json.GetProperty("head").GetString());
        Assert.Equal(224, json.GetProperty("input").GetProperty("size").GetInt32());
        Assert.Equal(served.Classifier.Metadata.GraphSha256, json.GetProperty("graphSha256").GetString());
        var validation = json.GetProperty("metrics").GetProperty("validation");
        Assert.Equal(20, validation.GetProperty("images").GetInt32());
        Assert.InRange(validation.GetProperty("accuracy").GetDouble(), 0.75, 1.0);
    }

    [Fact]
    public async Task Health_is_ok_with_the_batch_loop_running()
    {
        using var response = await served.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal(4, json.GetProperty("labels").GetInt32());
        Assert.True(json.GetProperty("batcher").GetProperty("running").GetBoolean());
        Assert.True(json.GetProperty("uptimeSeconds").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_page_and_its_assets_are_served_locally_with_a_self_only_policy(string path, string type)
    {
        using var response = await served.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", text);
        Assert.DoesNotContain("http://", text.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal));
    }
}
