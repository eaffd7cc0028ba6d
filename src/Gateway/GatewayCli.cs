using System.CommandLine;
using System.CommandLine.Parsing;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Decode;
using AfterSales.Gateway.SelfTest;
using AfterSales.Gateway.Status;

namespace AfterSales.Gateway;

/// <summary>
/// The gateway's command line: without a command it runs; <c>status</c>, <c>selftest</c> and <c>decode</c> are the
/// installer's tools. Every command answers <c>--help</c> and <c>--version</c> (the version stamped at build). Wrong use
/// prints the error and the usage and exits 2 before anything is opened or started.
/// </summary>
internal static class GatewayCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The error, then that command's usage, both on standard error: standard output stays for what was asked.
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await root.Parse([.. CommandPath(parsed.CommandResult), "--help"]).InvokeAsync(new InvocationConfiguration { Output = error });
            return GatewayRun.ConfigurationError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // The host handles SIGTERM itself (a clean stop says "offline"); System.CommandLine must not cut it short.
            ProcessTerminationTimeout = null,
        });
    }

    private static IEnumerable<string> CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? [.. CommandPath(parent), command.Command.Name] : [];

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var config = ConfigOption();
        var root = new RootCommand(
            "AfterSales site gateway: watches the site's dry contacts, alarm panels, cameras, PTZ heads and supply, and reports " +
            "every fault to the AfterSales cloud over MQTT. Without a command it runs until stopped (exit 2: fix the command " +
            "line or the configuration).")
        {
            config,
        };
        root.SetAction(async (result, _) => await RunGatewayAsync(result.GetRequiredValue(config), error));
        root.Subcommands.Add(StatusCommandLine(output, error));
        root.Subcommands.Add(SelfTestCommandLine(output, error));
        root.Subcommands.Add(DecodeCommandLine(output, error));
        root.Subcommands.Add(EnrollCommandLine(output, error));
        foreach (var command in root.Subcommands)
        {
            command.Options.Add(new VersionOption());
        }

        return root;
    }

    private static Option<string> ConfigOption() => new("--config")
    {
        Description = $"the configuration file (gateway.json); default {ConfigLocation.DefaultPath}, or ${ConfigLocation.EnvironmentVariable} when set",
        HelpName = "PATH",
        DefaultValueFactory = _ => ConfigLocation.Resolve(null, Environment.GetEnvironmentVariable(ConfigLocation.EnvironmentVariable)),
    };

    private static async Task<int> RunGatewayAsync(string configPath, TextWriter error)
    {
        var loaded = GatewayConfigLoader.Load(configPath);
        if (!loaded.IsValid)
        {
            await error.WriteLineAsync(loaded.Error);
            return GatewayRun.ConfigurationError;
        }

        return await GatewayRun.RunAsync(loaded.Config, configPath, addHardware: null, error);
    }

    private static Command EnrollCommandLine(TextWriter output, TextWriter error)
    {
        var config = ConfigOption();
        var cloud = new Option<Uri>("--cloud")
        {
            Description = "the AfterSales cloud's address, e.g. https://service.example.cn",
            HelpName = "URL",
            Required = true,
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                r.AddError($"--cloud '{text}' is not an http(s) address, e.g. https://service.example.cn");
                return null;
            },
        };
        var token = new Option<string>("--token") { Description = "the one-time enrolment token the administrator was shown for this gateway", HelpName = "TOKEN", Required = true };
        var command = new Command(
            "enroll",
            "fetch this gateway's identity, broker credentials and CA certificate from the cloud with a one-time token and write them " +
            "into the configuration file (mode 0640; other settings in it are kept). Exit 0 enrolled, 1 refused or unreachable, 2 bad configuration")
        {
            config, cloud, token,
        };
        command.SetAction((result, ct) => Enrolment.EnrolCommand.RunAsync(
            result.GetRequiredValue(cloud), result.GetRequiredValue(token), result.GetRequiredValue(config), output, error, handler: null, ct));
        return command;
    }

    private static Command StatusCommandLine(TextWriter output, TextWriter error)
    {
        var config = ConfigOption();
        var command = new Command("status", "print the running gateway's state from its status file and exit: 0 running, 3 not running") { config };
        command.SetAction(async (result, _) =>
        {
            var loaded = GatewayConfigLoader.Load(result.GetRequiredValue(config));
            if (!loaded.IsValid)
            {
                await error.WriteLineAsync(loaded.Error);
                return GatewayRun.ConfigurationError;
            }

            return StatusCommand.Run(loaded.Config, DateTimeOffset.UtcNow, output);
        });
        return command;
    }

    private static Command SelfTestCommandLine(TextWriter output, TextWriter error)
    {
        var config = ConfigOption();
        var command = new Command(
            SelfTestCommand.Verb,
            "read every configured input, the INA219, every zone loop, camera and serial panel and the RS-485 bus once and print PASS/FAIL " +
            "per item, publishing nothing; stop the service first. Exit 0 all pass, 1 any fails, 2 bad configuration")
        {
            config,
        };
        command.SetAction(async (result, _) => await SelfTestCommand.RunAsync(result.GetRequiredValue(config), output, error));
        return command;
    }

    private static Command DecodeCommandLine(TextWriter output, TextWriter error)
    {
        // Both are checked by the decode command itself, which names the protocols and shows a frame's escapes when one is wrong.
        var protocol = new Option<string?>("--protocol") { Description = "(required) the frame's protocol: contact-id, sia-dc09, dsc-it100, ad2, paradox-prt3 or pelco-d" };
        var key = new Option<string?>("--key") { Description = "the DC-09 AES key (32/48/64 hex characters or 16/24/32 of text)", HelpName = "K" };
        var frame = new Argument<string?>("FRAME") { Description = "(required) one frame as logged; \\n, \\r and \\\\ are understood, Pelco-D is given as hex", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(DecodeCommand.Verb, "decode one panel frame and print its fields as JSON; exit 0 valid, 1 invalid frame") { protocol, key, frame };
        command.SetAction(result =>
        {
            List<string> args = [];
            AddIfGiven(args, "--protocol", result.GetValue(protocol));
            AddIfGiven(args, "--key", result.GetValue(key));
            if (result.GetValue(frame) is { } given)
            {
                args.Add(given);
            }

            return DecodeCommand.Run(args, output, error);
        });
        return command;
    }

    private static void AddIfGiven(List<string> args, string option, string? value)
    {
        if (value is not null)
        {
            args.AddRange([option, value]);
        }
    }
}
