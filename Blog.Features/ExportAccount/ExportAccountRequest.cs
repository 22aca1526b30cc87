using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.ExportAccount;

/// <summary>Everything the signed-in user wrote, as one JSON download.</summary>
[RequireSignIn]
public sealed record ExportAccountRequest : IQuery<Result<ExportedAccount>>;

/// <summary>The download: its file name and its body.</summary>
public sealed record ExportedAccount(string FileName, AccountExport Export);

/// <summary>
/// The export's JSON: the user and every article of theirs, newest first. The articles are read from the database as
/// the response is written, one row at a time, never held all at once.
/// </summary>
public sealed record AccountExport(UserResponse User, IAsyncEnumerable<ArticleResponse> Articles);
