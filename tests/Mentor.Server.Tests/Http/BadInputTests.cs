using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Mentor.Server.Tests.Support;

namespace Mentor.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServedModel served)
{
    private static string AnyPhoto => SharedData.Clothing("validation", "pants", 1)[0];

    /// <summary>
    /// Posts with <c>Expect: 100-continue</c>, as curl does for large bodies: a body the server refuses unread is
    /// then never sent (without it, a client still sending when the server answers 413 and closes may see a reset).
    /// </summary>
    private static HttpRequestMessage Post(HttpContent content, string url = "/predict")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.ExpectContinue = true;
        return request;
    }

    private async Task<JsonElement> PostExpectingAsync(HttpStatusCode status, string code, HttpContent content, string url = "/predict")
    {
        using var response = await served.Client.SendAsync(Post(content, url));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        Assert.Equal((int)status, error.GetProperty("status").GetInt32());
        Assert.Equal(code, error.GetProperty("code").GetString());
        return error;
    }

    [Fact]
    public async Task A_text_file_is_415_not_an_image()
    {
        var error = await PostExpectingAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", new ByteArrayContent(BadImages.Text), "/predict?name=notes.txt");
        Assert.StartsWith("notes.txt: not an image", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_truncated_photo_is_400_truncated()
    {
        var error = await PostExpectingAsync(HttpStatusCode.BadRequest, "corrupt_image", new ByteArrayContent(BadImages.Truncated(AnyPhoto)));
        Assert.Contains("truncated image", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_png_with_broken_pixel_data_is_400_corrupt()
    {
        var error = await PostExpectingAsync(HttpStatusCode.BadRequest, "corrupt_image", new ByteArrayContent(BadImages.Corrupt()), "/predict?name=broken.png");
        Assert.StartsWith("broken.png: ", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_decompression_bomb_is_413_from_its_header_in_milliseconds_without_a_memory_spike()
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();

        var error = await PostExpectingAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large", new ByteArrayContent(BadImages.Bomb()), "/predict?name=bomb.png");

        Assert.InRange(clock.ElapsedMilliseconds, 0, 2000); // decoding 900 megapixels would take seconds and 3.6 GB
        Assert.Contains("30000x30000 (900 megapixels), over the 100 megapixel limit", error.GetProperty("message").GetString());
        Assert.InRange(Process.GetCurrentProcess().WorkingSet64 - before, long.MinValue, 200L * 1024 * 1024);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_it_is_read()
    {
        var big = new byte[ServedModel.BodyLimit + 1];
        var before = served.Logs.Entries.Count;

        var error = await PostExpectingAsync(HttpStatusCode.RequestEntityTooLarge, "body_too_large", new ByteArrayContent(big));

        Assert.Contains("over the 2 MB limit", error.GetProperty("message").GetString());
        Assert.Contains(served.Logs.Entries.Skip(before), e => e.EventId == 1 && Equals(e.Fields["Status"], 413) && Equals(e.Fields["Images"], 0));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_too()
    {
        // Over a raw socket: HttpClient reports a reset mid-write as an error and drops the 413 it had already received.
        var answer = await HostileClients.ChunkedUploadAsync(served.BaseAddress, ServedModel.BodyLimit * 2);

        Assert.StartsWith("HTTP/1.1 413 ", answer);
        Assert.Contains("\"code\":\"body_too_large\"", answer);
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        await PostExpectingAsync(HttpStatusCode.BadRequest, "empty_body", new ByteArrayContent([]));
    }

    [Fact]
    public async Task One_bad_file_in_a_multipart_request_fails_it_naming_that_file()
    {
        using var form = new MultipartFormDataContent();
        form.Add(ServedModel.Photo(AnyPhoto), "files", "good.jpg");
        form.Add(new ByteArrayContent(BadImages.Text), "files", "readme.txt");

        var error = await PostExpectingAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", form);

        Assert.StartsWith("readme.txt: not an image", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Multipart_without_files_is_400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "comment" } };
        await PostExpectingAsync(HttpStatusCode.BadRequest, "no_files", form);
    }

    [Fact]
    public async Task An_unknown_route_is_a_json_404()
    {
        using var response = await served.Client.GetAsync("/predictions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("GET", "/predict", "POST")]
    [InlineData("DELETE", "/model", "GET")]
    [InlineData("PUT", "/health", "GET")]
    public async Task A_wrong_method_is_a_json_405_with_allow(string method, string path, string allowed)
    {
        using var response = await served.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        Assert.Equal("method_not_allowed", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task After_a_volley_of_bad_inputs_the_server_still_answers_good_ones()
    {
        var bad = new Func<HttpContent>[] { () => new ByteArrayContent(BadImages.Bomb()), () => new ByteArrayContent(BadImages.Corrupt()), () => new ByteArrayContent(BadImages.Text), () => new ByteArrayContent(new byte[ServedModel.BodyLimit + 10]) };
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            using var response = await served.Client.SendAsync(Post(bad[i % bad.Length]()));
            return (int)response.StatusCode;
        }));

        using var good = await served.Client.PostAsync("/predict", ServedModel.Photo(AnyPhoto));

        Assert.All(answers, status => Assert.InRange(status, 400, 499));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("pants", (await good.ReadJsonAsync()).GetProperty("predictions")[0].Top()[0].Label);
    }
}
