using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tacitus.Server.Api;
using Tacitus.Server.Stories;
using Tacitus.Store;

namespace Tacitus.Server;

/// <summary>
/// <c>tacitus serve</c>'s web host: the JSON API under <c>/api</c>, its OpenAPI document at <c>/openapi/v1.json</c>,
/// and the web app (embedded static files) over one store. The CLI runs it on Kestrel; tests run the same host on
/// a test server or a free loopback port.
/// </summary>
internal static class ServerHost
{
    /// <summary>A host builder for the server; the caller builds and runs it (and adds logging if it wants any).</summary>
    /// <exception cref="StoreException">TAC500/TAC502 (when built) if the store cannot be opened.</exception>
    public static IHostBuilder CreateBuilder(ServeOptions options, IStoryReader? stories = null) =>
        new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureWebHost(web =>
            {
                web.UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = false;
                    kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
                    if (options.Host == "localhost")
                    {
                        kestrel.ListenLocalhost(options.Port);
                    }
                    else
                    {
                        kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
                    }
                });
                web.ConfigureServices(services => ConfigureServices(services, options, stories ?? new FusionStoryReader(options.DbPath)));
                web.Configure(Configure);
            });

    /// <summary>Builds and starts the server; returns the host and the address it listens on (http://127.0.0.1:PORT).</summary>
    public static async Task<(IHost Host, Uri Address)> Start(ServeOptions options, IStoryReader? stories = null, CancellationToken cancellationToken = default)
    {
        var host = CreateBuilder(options, stories).Build();
        await host.StartAsync(cancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (host, new Uri(address.Replace("[::1]", "localhost", StringComparison.Ordinal)));
    }

    private static void ConfigureServices(IServiceCollection services, ServeOptions options, IStoryReader stories)
    {
        services.AddSingleton(options);
        services.AddSingleton(stories);
        services.AddSingleton(provider => new StoreAccess(options.DbPath, logger: provider.GetService<ILogger<StoreAccess>>()));
        services.AddSingleton(new TokenGuard(options));
        services.AddRouting();
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tacitus API";
            document.Info.Description = "Stored documents, their analysis, event records, actors, stories and fused events. Errors are problem details with a TAC code.";
            return Task.CompletedTask;
        }));
        services.Configure<JsonOptions>(o =>
        {
            // The same settings as ServerJson's (a resolver's own options do not travel with it).
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new CountryCodeJsonConverter());
            o.SerializerOptions.Converters.Add(new SectorJsonConverter());
            o.SerializerOptions.Converters.Add(new DocumentIdJsonConverter());
            o.SerializerOptions.Converters.Add(new TextSpanJsonConverter());
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJson.Default);
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetTokenBucketLimiter("read " + client, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.ReadsPerSecond,
                        TokensPerPeriod = options.ReadsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetFixedWindowLimiter("write " + client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.WritesPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ApiProblem.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "too many requests from this client; try again shortly"));
            };
        });
    }

    private static void Configure(IApplicationBuilder app)
    {
        var guard = app.ApplicationServices.GetRequiredService<TokenGuard>();
        app.Use(SecurityHeaders.Apply);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Fail });
        app.UseStatusCodePages(context => NoEndpoint(context.HttpContext));
        app.UseRateLimiter();
        app.Use(guard.Apply);
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Tacitus.Server.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi();
            var api = endpoints.MapGroup("/api");
            DocumentEndpoints.Map(api);
            EventEndpoints.Map(api);
            StoryEndpoints.Map(api);
        });
    }

    /// <summary>An answer with an error status and no body (no such route, wrong method) gets a problem body with a code.</summary>
    private static Task NoEndpoint(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var (code, detail) = status switch
        {
            StatusCodes.Status404NotFound => (ProblemCodes.NotFound, $"nothing at {context.Request.Path}"),
            StatusCodes.Status405MethodNotAllowed => (ProblemCodes.BadParameter, $"{context.Request.Method} is not allowed on {context.Request.Path}"),
            StatusCodes.Status413PayloadTooLarge => (ProblemCodes.TooLarge, "the body is over the limit"),
            StatusCodes.Status415UnsupportedMediaType => (ProblemCodes.UnsupportedMediaType, "unsupported body format"),
            _ => (ProblemCodes.BadParameter, "the request could not be read"),
        };
        return ApiProblem.Write(context, status, code, detail);
    }

    /// <summary>An exception no endpoint handled: a malformed request is the client's (400/413), a store failure is named, anything else is a 500 (TAC900).</summary>
    private static Task Fail(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return error switch
        {
            BadHttpRequestException bad => ApiProblem.Write(context, bad.StatusCode,
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemCodes.TooLarge : ProblemCodes.BadBody, bad.Message),
            StoreException store => ApiProblem.Write(context, StatusCodes.Status503ServiceUnavailable, store.Error.Code, store.Error.Message),
            _ => ApiProblem.Write(context, StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "unexpected server error; the server log has the details"),
        };
    }
}
