using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mentor.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
