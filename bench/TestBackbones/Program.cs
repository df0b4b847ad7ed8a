using Mentor.TestBackbones;

if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: dotnet run --project bench/TestBackbones -c Release -- <out-dir>");
    return 2;
}
foreach (var entry in TestBackboneCatalog.All)
{
    var backbone = entry.Build();
    try
    {
        var spec = backbone.WriteTo(args[0]);
        Console.WriteLine($"{backbone.Name}: {Path.Combine(args[0], backbone.ModelFileName)} ({backbone.Model.Length} bytes), {spec}");
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{args[0]}: cannot write {backbone.Name} there ({e.Message}); pass a writable folder.");
        return 1;
    }
}
return 0;
