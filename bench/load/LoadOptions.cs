namespace Mentor.LoadTest;

/// <summary>What one load-test run does; parsed from <c>--name value</c> pairs.</summary>
internal sealed record LoadOptions(string Model, string Data, int Clients, TimeSpan Duration, bool BadClient, double BadPerSecond, int Photos, int BaselineBatch, TimeSpan BaselineTime, string? Output, string ServeArgs)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        return new LoadOptions(
            Model: values.GetValueOrDefault("model") ?? throw new ArgumentException("--model <model.onnx> is required"),
            Data: Get("data", "../shared/datasets/clothing-small/test"),
            Clients: int.Parse(Get("clients", "32"), System.Globalization.CultureInfo.InvariantCulture),
            Duration: TimeSpan.FromSeconds(double.Parse(Get("duration", "60"), System.Globalization.CultureInfo.InvariantCulture)),
            BadClient: Get("bad-client", "true") == "true",
            BadPerSecond: double.Parse(Get("bad-rate", "20"), System.Globalization.CultureInfo.InvariantCulture),
            Photos: int.Parse(Get("photos", "96"), System.Globalization.CultureInfo.InvariantCulture),
            BaselineBatch: int.Parse(Get("baseline-batch", "16"), System.Globalization.CultureInfo.InvariantCulture),
            BaselineTime: TimeSpan.FromSeconds(double.Parse(Get("baseline-seconds", "15"), System.Globalization.CultureInfo.InvariantCulture)),
            Output: values.GetValueOrDefault("out"),
            ServeArgs: Get("serve-args", ""));
    }
}
