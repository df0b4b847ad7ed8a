using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mentor.Server.Tests.Support;

namespace Mentor.Server.Tests.Http;

/// <summary>Multipart bodies found by fuzzing the upload reader (bench/fuzz.sh upload) that once answered 500: now a 400 that says what to fix.</summary>
[Collection(ServerCollection.Name)]
public sealed class MalformedMultipartTests(ServedModel served)
{
    private const string FilePart = "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nnot even an image";

    [Fact]
    public async Task A_multipart_body_cut_before_its_closing_boundary_is_400_bad_multipart()
    {
        var message = await PostExpecting400Async(FilePart);
        Assert.Contains("end it with the closing boundary", message);
    }

    [Fact]
    public async Task A_part_with_a_bare_filename_star_is_400_bad_multipart()
    {
        var message = await PostExpecting400Async("--b0\r\nContent-Disposition: form-data; name=\"file\"; filename*;UTF-8''b.png\r\n\r\nabc\r\n--b0--\r\n");
        Assert.Contains("bare filename*", message);
    }

    private async Task<string> PostExpecting400Async(string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0");
        using var response = await served.Client.PostAsync("/predict", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("bad_multipart", error.GetProperty("code").GetString());
        return error.GetProperty("message").GetString()!;
    }
}
