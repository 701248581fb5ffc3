using System.CommandLine;
using System.Globalization;
using Dala.Platform.Accounts;
using Spectre.Console;

namespace Dala.Cli.Commands;

/// <summary>
/// dala keys create|list|revoke — API keys for probes, operators and scripts (Authorization: Bearer KEY). A key is
/// printed once, at creation; the store keeps its SHA-256 hash and its first characters.
/// </summary>
public static class KeysCommand
{
    public static Command Build(StoreOption store, CliContext ctx) =>
        new("keys", "API keys for probes, operators and scripts: scoped to a role (and an operator), shown once, revocable.")
        {
            Create(store, ctx), List(store, ctx), Revoke(store, ctx),
        };

    private static Command Create(StoreOption store, CliContext ctx)
    {
        var name = new Option<string>("--name") { Description = "A label saying who or what uses the key (the actor in the audit log)", HelpName = "LABEL", Required = true };
        var role = UsersCommand.RoleOption();
        var op = UsersCommand.OperatorOption();
        var cmd = new Command("create", "Create a key and print it once (it cannot be shown again).") { name, role, op };
        cmd.SetAction(r => UsersCommand.Run(() =>
        {
            var (key, secret) = UsersCommand.Desk(store, r, ctx).CreateKey(r.GetValue(name)!, Roles.Parse(r.GetValue(role))!.Value, r.GetValue(op));
            ctx.OutText.WriteLine(secret);
            ctx.ErrText.WriteLine($"key {key.Id} ({key.Name}, {key.Role.WireName()}{(key.OperatorId is { } o ? ", operator " + o : "")}): " +
                                  "keep it now, it is not shown again; send it as Authorization: Bearer KEY");
        }));
        return cmd;
    }

    private static Command List(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("list", "The keys: id, name, first characters, role, operator, created, revoked.");
        cmd.SetAction(r =>
        {
            var keys = StoreOption.Accounts(store.Open(r, ctx)).Keys();
            if (keys.Count == 0)
            {
                ctx.OutText.WriteLine("no keys: create one with dala keys create --role ROLE --name LABEL");
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "id", "name", "key", "role", "operator", "created", "revoked" }) t.AddColumn(h);
            foreach (var k in keys)
                t.AddRow(k.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(k.Name), Markup.Escape(k.Prefix + "..."), k.Role.WireName(),
                    Markup.Escape(k.OperatorId ?? "-"), UsersCommand.Time(k.CreatedAt), k.RevokedAt is { } at ? UsersCommand.Time(at) : "");
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Revoke(StoreOption store, CliContext ctx)
    {
        var id = new Argument<long>("ID") { Description = "The key's id (dala keys list)" };
        var cmd = new Command("revoke", "Revoke a key: it authenticates nobody from now on.") { id };
        cmd.SetAction(r => UsersCommand.Run(() =>
        {
            var key = UsersCommand.Desk(store, r, ctx).Revoke(r.GetValue(id));
            ctx.OutText.WriteLine($"key {key.Id} ({key.Name}) revoked");
        }));
        return cmd;
    }
}
