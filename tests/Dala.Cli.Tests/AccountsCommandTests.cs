using Dala.Platform.Accounts;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala users|keys|audit: accounts with hashed secrets, a key shown once, refusals with exit 2, CLI writes in the audit log.</summary>
public class AccountsCommandTests
{
    [Fact]
    public void The_first_admin_is_added_from_stdin_and_can_sign_in()
    {
        using var dir = new TempDir();
        var add = CliRun.WithInput(dir.Path, "a long admin password\n", "users", "add", "admin", "--role", "admin", "--password-stdin");
        Assert.True(add.Exit == 0, add.Err);
        Assert.Contains("added user admin (admin)", add.Out, StringComparison.Ordinal);
        var store = new SqliteRegistryStore(dir.File("dala.db"));
        var desk = new AccountDesk(new SqliteAccountStore(store), CliRun.Clock);
        Assert.Equal(new Principal("user:admin", Role.Admin, null), desk.SignIn("admin", "a long admin password"));
        Assert.Null(desk.SignIn("admin", "a long admin passwor"));

        var list = CliRun.In(dir.Path, "users", "list");
        Assert.Contains("admin", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("a long admin password", list.Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.WithInput(dir.Path, "another password\n", "users", "passwd", "admin", "--password-stdin").Exit);
        Assert.NotNull(desk.SignIn("admin", "another password"));
        Assert.Equal(0, CliRun.In(dir.Path, "users", "disable", "admin").Exit);
        Assert.Null(desk.SignIn("admin", "another password"));
    }

    [Theory]
    [InlineData("short\n", "--password: shorter than 10 characters")]
    [InlineData("", "--password: empty")]
    public void A_bad_password_is_refused_with_exit_2_and_nothing_stored(string stdin, string message)
    {
        using var dir = new TempDir();
        var run = CliRun.WithInput(dir.Path, stdin, "users", "add", "eve", "--role", "analyst", "--password-stdin");
        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Contains("no users", CliRun.In(dir.Path, "users", "list").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_accounts_name_their_operator_and_others_do_not()
    {
        using var dir = new TempDir();
        var missing = CliRun.WithInput(dir.Path, "0123456789\n", "users", "add", "op", "--role", "operator", "--password-stdin");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--operator: an operator account names its operator", missing.Err, StringComparison.Ordinal);
        var extra = CliRun.In(dir.Path, "keys", "create", "--role", "admin", "--operator", "kcell", "--name", "x");
        Assert.Equal(2, extra.Exit);
        Assert.Equal(1, CliRun.In(dir.Path, "keys", "create", "--role", "root", "--name", "x").Exit);
        var password = CliRun.In(dir.Path, "users", "add", "op", "--role", "analyst");
        Assert.Equal(2, password.Exit);
        Assert.Contains("--password-stdin", password.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_is_printed_once_stored_as_a_hash_and_revoked()
    {
        using var dir = new TempDir();
        var create = CliRun.In(dir.Path, "keys", "create", "--role", "inspector", "--name", "probe-1");
        Assert.True(create.Exit == 0, create.Err);
        var secret = create.Out.Trim();
        Assert.StartsWith("dala_", secret, StringComparison.Ordinal);
        var store = new SqliteRegistryStore(dir.File("dala.db"));
        var desk = new AccountDesk(new SqliteAccountStore(store), CliRun.Clock);
        Assert.Equal(new Principal("key:probe-1", Role.Inspector, null), desk.Resolve(secret));

        var list = CliRun.In(dir.Path, "keys", "list");
        Assert.DoesNotContain(secret, list.Out, StringComparison.Ordinal);
        Assert.Contains(secret[..12] + "...", list.Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.In(dir.Path, "keys", "revoke", "1").Exit);
        Assert.Null(desk.Resolve(secret));
        var again = CliRun.In(dir.Path, "keys", "revoke", "1");
        Assert.Equal(2, again.Exit);
        Assert.Contains("ID: key 1 was revoked already", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_writes_are_in_the_audit_log_with_the_os_user_and_export_as_csv()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.In(dir.Path, "keys", "create", "--role", "analyst", "--name", "script").Exit);
        Assert.Equal(0, CliRun.In(dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        Assert.Equal(2, CliRun.In(dir.Path, "keys", "revoke", "7").Exit);
        Assert.Equal(0, CliRun.In(dir.Path, "keys", "list").Exit);

        var list = CliRun.In(dir.Path, "audit", "list", "--actor", "cli:tester");
        Assert.True(list.Exit == 0, list.Err);
        Assert.Contains("dala keys create", list.Out, StringComparison.Ordinal);
        Assert.Contains("dala import regions", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("dala keys list", list.Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.In(dir.Path, "audit", "export", "--out", "audit.csv").Exit);
        var lines = File.ReadAllLines(dir.File("audit.csv"));
        Assert.Equal("id,at,actor,action,target,origin,status", lines[0]);
        Assert.Equal(["3,2026-11-21T12:00:00Z,cli:tester,dala keys revoke,keys revoke 7,cli,2",
                      $"2,2026-11-21T12:00:00Z,cli:tester,dala import regions,import regions {SharedData.RegionsGeoJson},cli,0",
                      "1,2026-11-21T12:00:00Z,cli:tester,dala keys create,keys create --role analyst --name script,cli,0"], lines[1..]);
        Assert.Equal(2, CliRun.In(dir.Path, "audit", "list", "--from", "yesterday").Exit);
    }
}
