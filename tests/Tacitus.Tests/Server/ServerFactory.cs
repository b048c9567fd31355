using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Tacitus.Server;
using Tacitus.Server.Stories;

namespace Tacitus.Tests.Server;

/// <summary>
/// The server's own host (<see cref="ServerHost.CreateBuilder"/>) on ASP.NET Core's test server. The factory wants a
/// type from the program that runs the server (an assembly with an entry point): the CLI's <c>Progress</c>.
/// </summary>
internal sealed class ServerFactory(ServeOptions options, IStoryReader stories) : WebApplicationFactory<Tacitus.Cli.Progress>
{
    protected override IHostBuilder CreateHostBuilder() => ServerHost.CreateBuilder(options, stories);
}
