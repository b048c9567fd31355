using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Tacitus.Documents;
using Tacitus.Server.Api;
using Tacitus.Server.Stories;
using Tacitus.Store;

namespace Tacitus.Server;

/// <summary>The API's JSON: source-generated, snake_case, nulls left out, codes as plain strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CountryCodeJsonConverter), typeof(SectorJsonConverter), typeof(DocumentIdJsonConverter), typeof(TextSpanJsonConverter)])]
[JsonSerializable(typeof(StorePage<EventRow>))]
[JsonSerializable(typeof(StorePage<StoredDocumentSummary>))]
[JsonSerializable(typeof(StorePage<ActorSummary>))]
[JsonSerializable(typeof(ActorNetwork))]
[JsonSerializable(typeof(StorePage<Story>))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(StorePage<FusedEvent>))]
[JsonSerializable(typeof(PostedDocument))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class ServerJson : JsonSerializerContext;
