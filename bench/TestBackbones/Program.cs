using Mentor.TestBackbones;

if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: dotnet run --project bench/TestBackbones -c Release -- <out-dir>");
    return 2;
}
foreach (var build in TestBackboneCatalog.All)
{
    var backbone = build.Build();
    var spec = backbone.WriteTo(args[0]);
    Console.WriteLine($"{backbone.Name}: {Path.Combine(args[0], backbone.ModelFileName)} ({backbone.Model.Length} bytes), {spec}");
}
return 0;
