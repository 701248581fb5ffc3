using Dala.Cli;

return await DalaCli.RunAsync(args, CliContext.FromConsole());
