using Blog.Features.Common.Users;
using FluentValidation;

namespace Blog.Features.AccessTokens.CreateAccessToken;

internal sealed class CreateAccessTokenValidator : AbstractValidator<CreateAccessTokenRequest>
{
    public CreateAccessTokenValidator()
    {
        RuleFor(request => request.Name)
            .Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter a name.")
            .Must(name => name.Trim().Length <= CreateAccessTokenRequest.NameMaxLength)
            .WithMessage($"The name must be at most {CreateAccessTokenRequest.NameMaxLength} characters.");

        RuleFor(request => request.ExpiresInDays)
            .InclusiveBetween(1, CreateAccessTokenRequest.MaxExpiresInDays)
            .WithMessage($"The expiry must be 1 to {CreateAccessTokenRequest.MaxExpiresInDays} days.");

        RuleFor(request => request.Scopes)
            .Cascade(CascadeMode.Stop)
            .Must(scopes => scopes is { Count: > 0 }).WithMessage("Choose at least one scope.")
            .Must(scopes => scopes.All(Scopes.All.Contains))
            .WithMessage($"A scope is one of {string.Join(", ", Scopes.All)}.")
            .Must(scopes => scopes.Distinct().Count() == scopes.Count).WithMessage("Name each scope once.");
    }
}
