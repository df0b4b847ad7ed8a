using Mentor;
using Mentor.Cli;

// A server's many request threads would each get a glibc malloc arena keeping its own freed pages: a 10-minute soak
// crept up by 29 MB by default, 17 MB with the cap set in-process, and stayed flat with it set before start-up.
if (args is ["serve" or "studio", ..]) NativeHeap.RestartWithArenaCap(2);
return await MentorApp.RunAsync(args, Console.Out, Console.Error);
