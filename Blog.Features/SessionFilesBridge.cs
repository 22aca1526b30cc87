// Common/Http/Session.cs still finds UserResponse in the namespace Blog.Features.Common had before it was split by
// concern; it is being rewritten on its own. Remove this file once it imports Blog.Features.Common.Users itself.
global using UserResponse = Blog.Features.Common.Users.UserResponse;
