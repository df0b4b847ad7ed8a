using Mentor.Cli;

return await MentorApp.RunAsync(args, Console.Out, Console.Error);
