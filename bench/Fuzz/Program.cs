using Mentor.Fuzz;
using SharpFuzz;

// fuzz <target>: run under afl-fuzz (input on stdin); seed <target> <folder>: write the starting corpus;
// replay <target> <file>...: print each file's outcome (what the regression test asserts).
var target = args.Length >= 2 ? FuzzTargets.Find(args[1]) : null;
if (target is null || args[0] is not ("fuzz" or "seed" or "replay") || (args[0] == "seed" && args.Length != 3))
{
    Console.Error.WriteLine($"usage: Mentor.Fuzz fuzz|seed|replay <{string.Join("|", FuzzTargets.All.Select(t => t.Name))}> [folder|files...]");
    return 2;
}
switch (args[0])
{
    case "fuzz":
        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        break;
    case "seed":
        Directory.CreateDirectory(args[2]);
        target.WriteSeeds(args[2]);
        break;
    default:
        foreach (var file in args.Skip(2)) Console.WriteLine($"{file}: {target.Run(File.ReadAllBytes(file))}");
        break;
}
return 0;
