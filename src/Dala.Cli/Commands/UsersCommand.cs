using System.CommandLine;
using System.Globalization;
using Dala.Platform.Accounts;
using Spectre.Console;

namespace Dala.Cli.Commands;

/// <summary>
/// dala users add|list|passwd|disable|enable — the people who sign in to the web app. Passwords are read from stdin
/// (--password-stdin) or asked for on a terminal, never taken as an argument, and kept only as their hash.
/// </summary>
public static class UsersCommand
{
    public static Command Build(StoreOption store, CliContext ctx) =>
        new("users", "People who sign in to the web app: roles public, analyst, inspector, operator (its own operator only), admin.")
        {
            Add(store, ctx), List(store, ctx), Passwd(store, ctx), Disabled(store, ctx, "disable", true), Disabled(store, ctx, "enable", false),
        };

    internal static AccountDesk Desk(StoreOption store, ParseResult r, CliContext ctx) => new(StoreOption.Accounts(store.Open(r, ctx)), ctx.Clock);

    internal static Option<string> RoleOption() => new Option<string>("--role")
    {
        Description = "The role: " + string.Join(", ", Roles.Names), HelpName = "ROLE", Required = true,
    }.AcceptingOnly(Roles.Names);

    internal static Option<string?> OperatorOption() => new("--operator") { Description = "The operator an operator account acts for (operator role only)", HelpName = "ID" };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of stdin (for scripts)" };

    private static Command Add(StoreOption store, CliContext ctx)
    {
        var name = new Argument<string>("NAME") { Description = "The user's sign-in name (letters, digits, . _ - @)" };
        var role = RoleOption();
        var op = OperatorOption();
        var stdin = PasswordStdin();
        var cmd = new Command("add", "Add a user. The first admin of a fresh store: dala users add admin --role admin --password-stdin") { name, role, op, stdin };
        cmd.SetAction(r => Run(() =>
        {
            var password = Password(r, stdin, ctx);
            var user = Desk(store, r, ctx).AddUser(r.GetValue(name)!, Roles.Parse(r.GetValue(role))!.Value, r.GetValue(op), password);
            ctx.OutText.WriteLine($"added user {user.Name} ({user.Role.WireName()}{(user.OperatorId is { } o ? ", operator " + o : "")})");
        }));
        return cmd;
    }

    private static Command List(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("list", "The users: name, role, operator, created, disabled.");
        cmd.SetAction(r =>
        {
            var users = StoreOption.Accounts(store.Open(r, ctx)).Users();
            if (users.Count == 0)
            {
                ctx.OutText.WriteLine("no users: add the first admin with dala users add admin --role admin --password-stdin");
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "name", "role", "operator", "created", "" }) t.AddColumn(h);
            foreach (var u in users)
                t.AddRow(Markup.Escape(u.Name), u.Role.WireName(), Markup.Escape(u.OperatorId ?? "-"), Time(u.CreatedAt), u.Disabled ? "disabled" : "");
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Passwd(StoreOption store, CliContext ctx)
    {
        var name = new Argument<string>("NAME") { Description = "The user" };
        var stdin = PasswordStdin();
        var cmd = new Command("passwd", "Set a user's password.") { name, stdin };
        cmd.SetAction(r => Run(() =>
        {
            var password = Password(r, stdin, ctx);
            Desk(store, r, ctx).SetPassword(r.GetValue(name)!, password);
            ctx.OutText.WriteLine($"password of {r.GetValue(name)} changed");
        }));
        return cmd;
    }

    private static Command Disabled(StoreOption store, CliContext ctx, string verb, bool disabled)
    {
        var name = new Argument<string>("NAME") { Description = "The user" };
        var cmd = new Command(verb, disabled ? "Disable a user: signing in is refused (sessions end at their next request)." : "Enable a disabled user again.") { name };
        cmd.SetAction(r => Run(() =>
        {
            Desk(store, r, ctx).SetDisabled(r.GetValue(name)!, disabled);
            ctx.OutText.WriteLine($"user {r.GetValue(name)} {verb}d");
        }));
        return cmd;
    }

    private static string Password(ParseResult r, Option<bool> stdin, CliContext ctx)
    {
        if (r.GetValue(stdin)) return ctx.In.ReadLine() ?? "";
        if (!ctx.Interactive) throw new CliException("no password: give it on stdin with --password-stdin", ExitCodes.Rejected);
        return ctx.Err.Prompt(new TextPrompt<string>("Password:").Secret());
    }

    /// <summary>Runs an account action; a refusal becomes "--field: reason", exit 2.</summary>
    internal static int Run(Action action)
    {
        try
        {
            action();
            return ExitCodes.Ok;
        }
        catch (AccountException e)
        {
            throw new CliException($"{(e.Field is "name" or "id" ? e.Field.ToUpperInvariant() : "--" + e.Field)}: {e.Reason}; nothing was changed", ExitCodes.Rejected);
        }
    }

    internal static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Option<string> AcceptingOnly(this Option<string> o, IReadOnlyList<string> values)
    {
        o.AcceptOnlyFromAmong([.. values]);
        return o;
    }
}
