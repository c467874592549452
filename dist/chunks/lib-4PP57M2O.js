import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));
import {
  require_api,
  require_es_define_property,
  require_gopd,
  require_syntax,
  require_tmp,
  require_type
} from "./chunk-CEXBYGHT.js";
import "./chunk-MQYSEEJS.js";
import {
  require_src
} from "./chunk-KHUEQMTN.js";
import "./chunk-3BZQ6MWX.js";
import {
  require_semver
} from "./chunk-M5OUCAEA.js";
import {
  __commonJS,
  __require
} from "./chunk-EXBJN2G4.js";

// node_modules/follow-redirects/debug.js
var require_debug = __commonJS({
  "node_modules/follow-redirects/debug.js"(exports, module) {
    var debug;
    module.exports = function() {
      if (!debug) {
        try {
          debug = require_src()("follow-redirects");
        } catch (error) {
        }
        if (typeof debug !== "function") {
          debug = function() {
          };
        }
      }
      debug.apply(null, arguments);
    };
  }
});

// node_modules/follow-redirects/index.js
var require_follow_redirects = __commonJS({
  "node_modules/follow-redirects/index.js"(exports, module) {
    var url = __require("url");
    var URL2 = url.URL;
    var http = __require("http");
    var https = __require("https");
    var Writable = __require("stream").Writable;
    var assert = __require("assert");
    var debug = require_debug();
    (function detectUnsupportedEnvironment() {
      var looksLikeNode = typeof process !== "undefined";
      var looksLikeBrowser = typeof window !== "undefined" && typeof document !== "undefined";
      var looksLikeV8 = isFunction(Error.captureStackTrace);
      if (!looksLikeNode && (looksLikeBrowser || !looksLikeV8)) {
        console.warn("The follow-redirects package should be excluded from browser builds.");
      }
    })();
    var useNativeURL = false;
    try {
      assert(new URL2(""));
    } catch (error) {
      useNativeURL = error.code === "ERR_INVALID_URL";
    }
    var sensitiveHeaders = [
      "Authorization",
      "Proxy-Authorization",
      "Cookie"
    ];
    var preservedUrlFields = [
      "auth",
      "host",
      "hostname",
      "href",
      "path",
      "pathname",
      "port",
      "protocol",
      "query",
      "search",
      "hash"
    ];
    var events = ["abort", "aborted", "connect", "error", "socket", "timeout"];
    var eventHandlers = /* @__PURE__ */ Object.create(null);
    events.forEach(function(event) {
      eventHandlers[event] = function(arg1, arg2, arg3) {
        this._redirectable.emit(event, arg1, arg2, arg3);
      };
    });
    var InvalidUrlError = createErrorType(
      "ERR_INVALID_URL",
      "Invalid URL",
      TypeError
    );
    var RedirectionError = createErrorType(
      "ERR_FR_REDIRECTION_FAILURE",
      "Redirected request failed"
    );
    var TooManyRedirectsError = createErrorType(
      "ERR_FR_TOO_MANY_REDIRECTS",
      "Maximum number of redirects exceeded",
      RedirectionError
    );
    var MaxBodyLengthExceededError = createErrorType(
      "ERR_FR_MAX_BODY_LENGTH_EXCEEDED",
      "Request body larger than maxBodyLength limit"
    );
    var WriteAfterEndError = createErrorType(
      "ERR_STREAM_WRITE_AFTER_END",
      "write after end"
    );
    var destroy = Writable.prototype.destroy || noop;
    function RedirectableRequest(options, responseCallback) {
      Writable.call(this);
      this._sanitizeOptions(options);
      this._options = options;
      this._ended = false;
      this._ending = false;
      this._redirectCount = 0;
      this._redirects = [];
      this._requestBodyLength = 0;
      this._requestBodyBuffers = [];
      if (responseCallback) {
        this.on("response", responseCallback);
      }
      var self = this;
      this._onNativeResponse = function(response) {
        try {
          self._processResponse(response);
        } catch (cause) {
          self.emit("error", cause instanceof RedirectionError ? cause : new RedirectionError({ cause }));
        }
      };
      this._headerFilter = new RegExp("^(?:" + sensitiveHeaders.concat(options.sensitiveHeaders).map(escapeRegex).join("|") + ")$", "i");
      this._performRequest();
    }
    RedirectableRequest.prototype = Object.create(Writable.prototype);
    RedirectableRequest.prototype.abort = function() {
      destroyRequest(this._currentRequest);
      this._currentRequest.abort();
      this.emit("abort");
    };
    RedirectableRequest.prototype.destroy = function(error) {
      destroyRequest(this._currentRequest, error);
      destroy.call(this, error);
      return this;
    };
    RedirectableRequest.prototype.write = function(data, encoding, callback) {
      if (this._ending) {
        throw new WriteAfterEndError();
      }
      if (!isString(data) && !isBuffer(data)) {
        throw new TypeError("data should be a string, Buffer or Uint8Array");
      }
      if (isFunction(encoding)) {
        callback = encoding;
        encoding = null;
      }
      if (data.length === 0) {
        if (callback) {
          callback();
        }
        return;
      }
      if (this._requestBodyLength + data.length <= this._options.maxBodyLength) {
        this._requestBodyLength += data.length;
        this._requestBodyBuffers.push({ data, encoding });
        this._currentRequest.write(data, encoding, callback);
      } else {
        this.emit("error", new MaxBodyLengthExceededError());
        this.abort();
      }
    };
    RedirectableRequest.prototype.end = function(data, encoding, callback) {
      if (isFunction(data)) {
        callback = data;
        data = encoding = null;
      } else if (isFunction(encoding)) {
        callback = encoding;
        encoding = null;
      }
      if (!data) {
        this._ended = this._ending = true;
        this._currentRequest.end(null, null, callback);
      } else {
        var self = this;
        var currentRequest = this._currentRequest;
        this.write(data, encoding, function() {
          self._ended = true;
          currentRequest.end(null, null, callback);
        });
        this._ending = true;
      }
    };
    RedirectableRequest.prototype.setHeader = function(name, value) {
      this._options.headers[name] = value;
      this._currentRequest.setHeader(name, value);
    };
    RedirectableRequest.prototype.removeHeader = function(name) {
      delete this._options.headers[name];
      this._currentRequest.removeHeader(name);
    };
    RedirectableRequest.prototype.setTimeout = function(msecs, callback) {
      var self = this;
      function destroyOnTimeout(socket) {
        socket.setTimeout(msecs);
        socket.removeListener("timeout", socket.destroy);
        socket.addListener("timeout", socket.destroy);
      }
      function startTimer(socket) {
        if (self._timeout) {
          clearTimeout(self._timeout);
        }
        self._timeout = setTimeout(function() {
          self.emit("timeout");
          clearTimer();
        }, msecs);
        destroyOnTimeout(socket);
      }
      function clearTimer() {
        if (self._timeout) {
          clearTimeout(self._timeout);
          self._timeout = null;
        }
        self.removeListener("abort", clearTimer);
        self.removeListener("error", clearTimer);
        self.removeListener("response", clearTimer);
        self.removeListener("close", clearTimer);
        if (callback) {
          self.removeListener("timeout", callback);
        }
        if (!self.socket) {
          self._currentRequest.removeListener("socket", startTimer);
        }
      }
      if (callback) {
        this.on("timeout", callback);
      }
      if (this.socket) {
        startTimer(this.socket);
      } else {
        this._currentRequest.once("socket", startTimer);
      }
      this.on("socket", destroyOnTimeout);
      this.on("abort", clearTimer);
      this.on("error", clearTimer);
      this.on("response", clearTimer);
      this.on("close", clearTimer);
      return this;
    };
    [
      "flushHeaders",
      "getHeader",
      "setNoDelay",
      "setSocketKeepAlive"
    ].forEach(function(method) {
      RedirectableRequest.prototype[method] = function(a, b) {
        return this._currentRequest[method](a, b);
      };
    });
    ["aborted", "connection", "socket"].forEach(function(property) {
      Object.defineProperty(RedirectableRequest.prototype, property, {
        get: function() {
          return this._currentRequest[property];
        }
      });
    });
    RedirectableRequest.prototype._sanitizeOptions = function(options) {
      if (!options.headers) {
        options.headers = {};
      } else if (Array.isArray(options.headers)) {
        var headerList = options.headers;
        options.headers = {};
        for (var i = 0; i < headerList.length; i += 2) {
          options.headers[headerList[i]] = headerList[i + 1];
        }
      }
      if (!Array.isArray(options.sensitiveHeaders)) {
        options.sensitiveHeaders = [];
      }
      if (options.host) {
        if (!options.hostname) {
          options.hostname = options.host;
        }
        delete options.host;
      }
      if (!options.pathname && options.path) {
        var searchPos = options.path.indexOf("?");
        if (searchPos < 0) {
          options.pathname = options.path;
        } else {
          options.pathname = options.path.substring(0, searchPos);
          options.search = options.path.substring(searchPos);
        }
      }
    };
    RedirectableRequest.prototype._performRequest = function() {
      var protocol = this._options.protocol;
      var nativeProtocol = this._options.nativeProtocols[protocol];
      if (!nativeProtocol) {
        throw new TypeError("Unsupported protocol " + protocol);
      }
      if (this._options.agents) {
        var scheme = protocol.slice(0, -1);
        this._options.agent = this._options.agents[scheme];
      }
      var request = this._currentRequest = nativeProtocol.request(this._options, this._onNativeResponse);
      request._redirectable = this;
      for (var event of events) {
        request.on(event, eventHandlers[event]);
      }
      this._currentUrl = /^\//.test(this._options.path) ? url.format(this._options) : (
        // When making a request to a proxy, […]
        // a client MUST send the target URI in absolute-form […].
        this._options.path
      );
      if (this._isRedirect) {
        var i = 0;
        var self = this;
        var buffers = this._requestBodyBuffers;
        (function writeNext(error) {
          if (request === self._currentRequest) {
            if (error) {
              self.emit("error", error);
            } else if (i < buffers.length) {
              var buffer = buffers[i++];
              if (!request.finished) {
                request.write(buffer.data, buffer.encoding, writeNext);
              }
            } else if (self._ended) {
              request.end();
            }
          }
        })();
      }
    };
    RedirectableRequest.prototype._processResponse = function(response) {
      var statusCode = response.statusCode;
      if (this._options.trackRedirects) {
        this._redirects.push({
          url: this._currentUrl,
          headers: response.headers,
          statusCode
        });
      }
      var location = response.headers.location;
      if (!location || this._options.followRedirects === false || statusCode < 300 || statusCode >= 400) {
        response.responseUrl = this._currentUrl;
        response.redirects = this._redirects;
        this.emit("response", response);
        this._requestBodyBuffers = [];
        return;
      }
      destroyRequest(this._currentRequest);
      response.destroy();
      if (++this._redirectCount > this._options.maxRedirects) {
        throw new TooManyRedirectsError();
      }
      var requestHeaders;
      var beforeRedirect = this._options.beforeRedirect;
      if (beforeRedirect) {
        requestHeaders = Object.assign({
          // The Host header was set by nativeProtocol.request
          Host: response.req.getHeader("host")
        }, this._options.headers);
      }
      var method = this._options.method;
      if ((statusCode === 301 || statusCode === 302) && this._options.method === "POST" || // RFC7231§6.4.4: The 303 (See Other) status code indicates that
      // the server is redirecting the user agent to a different resource […]
      // A user agent can perform a retrieval request targeting that URI
      // (a GET or HEAD request if using HTTP) […]
      statusCode === 303 && !/^(?:GET|HEAD)$/.test(this._options.method)) {
        this._options.method = "GET";
        this._requestBodyBuffers = [];
        removeMatchingHeaders(/^content-/i, this._options.headers);
      }
      var currentHostHeader = removeMatchingHeaders(/^host$/i, this._options.headers);
      var currentUrlParts = parseUrl(this._currentUrl);
      var currentHost = currentHostHeader || currentUrlParts.host;
      var currentUrl = /^\w+:/.test(location) ? this._currentUrl : url.format(Object.assign(currentUrlParts, { host: currentHost }));
      var redirectUrl = resolveUrl(location, currentUrl);
      debug("redirecting to", redirectUrl.href);
      this._isRedirect = true;
      spreadUrlObject(redirectUrl, this._options);
      if (redirectUrl.protocol !== currentUrlParts.protocol && redirectUrl.protocol !== "https:" || redirectUrl.host !== currentHost && !isSubdomain(redirectUrl.host, currentHost)) {
        removeMatchingHeaders(this._headerFilter, this._options.headers);
      }
      if (isFunction(beforeRedirect)) {
        var responseDetails = {
          headers: response.headers,
          statusCode
        };
        var requestDetails = {
          url: currentUrl,
          method,
          headers: requestHeaders
        };
        beforeRedirect(this._options, responseDetails, requestDetails);
        this._sanitizeOptions(this._options);
      }
      this._performRequest();
    };
    function wrap(protocols) {
      var exports2 = {
        maxRedirects: 21,
        maxBodyLength: 10 * 1024 * 1024
      };
      var nativeProtocols = {};
      Object.keys(protocols).forEach(function(scheme) {
        var protocol = scheme + ":";
        var nativeProtocol = nativeProtocols[protocol] = protocols[scheme];
        var wrappedProtocol = exports2[scheme] = Object.create(nativeProtocol);
        function request(input, options, callback) {
          if (isURL(input)) {
            input = spreadUrlObject(input);
          } else if (isString(input)) {
            input = spreadUrlObject(parseUrl(input));
          } else {
            callback = options;
            options = validateUrl(input);
            input = { protocol };
          }
          if (isFunction(options)) {
            callback = options;
            options = null;
          }
          options = Object.assign({
            maxRedirects: exports2.maxRedirects,
            maxBodyLength: exports2.maxBodyLength
          }, input, options);
          options.nativeProtocols = nativeProtocols;
          if (!isString(options.host) && !isString(options.hostname)) {
            options.hostname = "::1";
          }
          assert.equal(options.protocol, protocol, "protocol mismatch");
          debug("options", options);
          return new RedirectableRequest(options, callback);
        }
        function get(input, options, callback) {
          var wrappedRequest = wrappedProtocol.request(input, options, callback);
          wrappedRequest.end();
          return wrappedRequest;
        }
        Object.defineProperties(wrappedProtocol, {
          request: { value: request, configurable: true, enumerable: true, writable: true },
          get: { value: get, configurable: true, enumerable: true, writable: true }
        });
      });
      return exports2;
    }
    function noop() {
    }
    function parseUrl(input) {
      var parsed;
      if (useNativeURL) {
        parsed = new URL2(input);
      } else {
        parsed = validateUrl(url.parse(input));
        if (!isString(parsed.protocol)) {
          throw new InvalidUrlError({ input });
        }
      }
      return parsed;
    }
    function resolveUrl(relative, base) {
      return useNativeURL ? new URL2(relative, base) : parseUrl(url.resolve(base, relative));
    }
    function validateUrl(input) {
      if (/^\[/.test(input.hostname) && !/^\[[:0-9a-f]+\]$/i.test(input.hostname)) {
        throw new InvalidUrlError({ input: input.href || input });
      }
      if (/^\[/.test(input.host) && !/^\[[:0-9a-f]+\](:\d+)?$/i.test(input.host)) {
        throw new InvalidUrlError({ input: input.href || input });
      }
      return input;
    }
    function spreadUrlObject(urlObject, target) {
      var spread = target || {};
      for (var key of preservedUrlFields) {
        spread[key] = urlObject[key];
      }
      if (spread.hostname.startsWith("[")) {
        spread.hostname = spread.hostname.slice(1, -1);
      }
      if (spread.port !== "") {
        spread.port = Number(spread.port);
      }
      spread.path = spread.search ? spread.pathname + spread.search : spread.pathname;
      return spread;
    }
    function removeMatchingHeaders(regex, headers) {
      var lastValue;
      for (var header in headers) {
        if (regex.test(header)) {
          lastValue = headers[header];
          delete headers[header];
        }
      }
      return lastValue === null || typeof lastValue === "undefined" ? void 0 : String(lastValue).trim();
    }
    function createErrorType(code, message, baseClass) {
      function CustomError(properties) {
        if (isFunction(Error.captureStackTrace)) {
          Error.captureStackTrace(this, this.constructor);
        }
        Object.assign(this, properties || {});
        this.code = code;
        this.message = this.cause ? message + ": " + this.cause.message : message;
      }
      CustomError.prototype = new (baseClass || Error)();
      Object.defineProperties(CustomError.prototype, {
        constructor: {
          value: CustomError,
          enumerable: false
        },
        name: {
          value: "Error [" + code + "]",
          enumerable: false
        }
      });
      return CustomError;
    }
    function destroyRequest(request, error) {
      for (var event of events) {
        request.removeListener(event, eventHandlers[event]);
      }
      request.on("error", noop);
      request.destroy(error);
    }
    function isSubdomain(subdomain, domain) {
      assert(isString(subdomain) && isString(domain));
      var dot = subdomain.length - domain.length - 1;
      return dot > 0 && subdomain[dot] === "." && subdomain.endsWith(domain);
    }
    function isString(value) {
      return typeof value === "string" || value instanceof String;
    }
    function isFunction(value) {
      return typeof value === "function";
    }
    function isBuffer(value) {
      return typeof value === "object" && "length" in value;
    }
    function isURL(value) {
      return URL2 && value instanceof URL2;
    }
    function escapeRegex(regex) {
      return regex.replace(/[\^$\\.*+?()[\]{}|]/g, "\\$&");
    }
    module.exports = wrap({ http, https });
    module.exports.wrap = wrap;
  }
});

// node_modules/ovsx/lib/util.js
var require_util = __commonJS({
  "node_modules/ovsx/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.promisify = void 0;
    exports.addEnvOptions = addEnvOptions;
    exports.matchExtensionId = matchExtensionId;
    exports.optionalStat = optionalStat;
    exports.makeDirs = makeDirs;
    exports.createTempFile = createTempFile;
    exports.rejectError = rejectError;
    exports.handleError = handleError;
    exports.statusError = statusError;
    exports.readFile = readFile;
    exports.readManifest = readManifest;
    exports.validateManifest = validateManifest;
    exports.writeFile = writeFile;
    exports.writeManifest = writeManifest;
    exports.getUserInput = getUserInput;
    exports.getUserChoice = getUserChoice;
    var fs = __require("fs");
    var path = __require("path");
    var tmp = require_tmp();
    var readline = __require("readline");
    var util_1 = __require("util");
    Object.defineProperty(exports, "promisify", { enumerable: true, get: function() {
      return util_1.promisify;
    } });
    function addEnvOptions(options) {
      options.registryUrl ?? (options.registryUrl = process.env.OVSX_REGISTRY_URL);
      options.pat ?? (options.pat = process.env.OVSX_PAT);
      options.username ?? (options.username = process.env.OVSX_USERNAME);
      options.password ?? (options.password = process.env.OVSX_PASSWORD);
    }
    function matchExtensionId(id) {
      return /^([\w-]+)(?:\.|\/)([\w-]+)$/.exec(id);
    }
    function optionalStat(path2) {
      return new Promise((resolve, reject) => {
        fs.stat(path2, (err, stats) => resolve(stats));
      });
    }
    function makeDirs(path2) {
      return new Promise((resolve, reject) => {
        if (fs.existsSync(path2)) {
          resolve();
        } else {
          fs.mkdir(path2, { recursive: true }, (err) => {
            if (err)
              reject(err);
            else
              resolve();
          });
        }
      });
    }
    function createTempFile(options) {
      return new Promise((resolve, reject) => {
        tmp.tmpName(options, (err, name) => {
          if (err)
            reject(err);
          else
            resolve(name);
        });
      });
    }
    function rejectError(err) {
      const reason = err instanceof Error ? err : new Error(String(err));
      return Promise.reject(reason);
    }
    function handleError(debug, additionalMessage, exit = true) {
      return (reason) => {
        if (reason instanceof Error && !debug) {
          console.error(`\u274C  ${reason.message}`);
          if (additionalMessage) {
            console.error(additionalMessage);
          }
        } else if (typeof reason === "string") {
          console.error(`\u274C  ${reason}`);
        } else if (reason !== void 0) {
          console.error(reason);
        } else {
          console.error("An unknown error occurred.");
        }
        if (exit) {
          process.exit(1);
        }
      };
    }
    function statusError(response) {
      if (response.statusMessage)
        return new Error(`The server responded with status ${response.statusCode}: ${response.statusMessage}`);
      else
        return new Error(`The server responded with status ${response.statusCode}.`);
    }
    function readFile(name, packagePath, encoding = "utf-8") {
      return new Promise((resolve, reject) => {
        fs.readFile(path.join(packagePath ?? process.cwd(), name), { encoding }, (err, content) => {
          if (err) {
            reject(err);
          } else {
            resolve(content);
          }
        });
      });
    }
    async function readManifest(packagePath) {
      const content = await readFile("package.json", packagePath);
      return JSON.parse(content);
    }
    function validateManifest(manifest) {
      if (!manifest.publisher) {
        throw new Error("Missing required field 'publisher'.");
      }
      if (!manifest.name) {
        throw new Error("Missing required field 'name'.");
      }
      if (!manifest.version) {
        throw new Error("Missing required field 'version'.");
      }
    }
    function writeFile(name, content, packagePath, encoding = "utf-8") {
      return new Promise((resolve, reject) => {
        fs.writeFile(path.join(packagePath ?? process.cwd(), name), content, { encoding }, (err) => {
          if (err) {
            reject(err);
          } else {
            resolve();
          }
        });
      });
    }
    function writeManifest(manifest, packagePath) {
      const content = JSON.stringify(manifest, null, 4);
      return writeFile("package.json", content, packagePath);
    }
    function getUserInput(text) {
      return new Promise((resolve) => {
        const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
        rl.question(text, (answer) => {
          resolve(answer);
          rl.close();
        });
      });
    }
    async function getUserChoice(text, values, defaultValue, lowerCase = true) {
      const prompt = text + "\n" + values.map((v) => v === defaultValue ? `[${v}]` : v).join("/") + ": ";
      const answer = await getUserInput(prompt);
      if (!answer) {
        return defaultValue;
      }
      const lcAnswer = lowerCase ? answer.toLowerCase() : answer;
      for (const value of values) {
        if (value.startsWith(lcAnswer)) {
          return value;
        }
      }
      return defaultValue;
    }
  }
});

// node_modules/ovsx/lib/registry.js
var require_registry = __commonJS({
  "node_modules/ovsx/lib/registry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Registry = exports.DEFAULT_PUBLISH_SIZE = exports.DEFAULT_NAMESPACE_SIZE = exports.DEFAULT_URL = void 0;
    var fs = __require("fs");
    var querystring = __require("querystring");
    var followRedirects = require_follow_redirects();
    var util_1 = require_util();
    exports.DEFAULT_URL = "https://open-vsx.org";
    exports.DEFAULT_NAMESPACE_SIZE = 1024;
    exports.DEFAULT_PUBLISH_SIZE = 512 * 1024 * 1024;
    var Registry = class {
      constructor(options = {}) {
        if (options.registryUrl?.endsWith("/"))
          this.url = options.registryUrl.substring(0, options.registryUrl.length - 1);
        else if (options.registryUrl)
          this.url = options.registryUrl;
        else
          this.url = exports.DEFAULT_URL;
        this.maxNamespaceSize = options.maxNamespaceSize ?? exports.DEFAULT_NAMESPACE_SIZE;
        this.maxPublishSize = options.maxPublishSize ?? exports.DEFAULT_PUBLISH_SIZE;
        this.username = options.username;
        this.password = options.password;
      }
      get requiresLicense() {
        const url = new URL(this.url);
        return url.hostname === "open-vsx.org" || url.hostname.endsWith(".open-vsx.org");
      }
      createNamespace(name, pat) {
        try {
          const query = { token: pat };
          const url = this.getUrl("api/-/namespace/create", query);
          const namespace = { name };
          return this.post(JSON.stringify(namespace), url, {
            "Content-Type": "application/json"
          }, this.maxNamespaceSize);
        } catch (err) {
          return (0, util_1.rejectError)(err);
        }
      }
      verifyPat(namespace, pat) {
        try {
          const query = { token: pat };
          return this.getJson(this.getUrl(`api/${namespace}/verify-pat`, query));
        } catch (err) {
          return (0, util_1.rejectError)(err);
        }
      }
      publish(file, pat) {
        try {
          const query = { token: pat };
          const url = this.getUrl("api/-/publish", query);
          return this.postFile(file, url, {
            "Content-Type": "application/octet-stream"
          }, this.maxPublishSize);
        } catch (err) {
          return (0, util_1.rejectError)(err);
        }
      }
      getMetadata(namespace, extension, target) {
        try {
          let path = `api/${encodeURIComponent(namespace)}/${encodeURIComponent(extension)}`;
          if (target) {
            path += `/${encodeURIComponent(target)}`;
          }
          return this.getJson(this.getUrl(path));
        } catch (err) {
          return (0, util_1.rejectError)(err);
        }
      }
      download(file, url) {
        return new Promise((resolve, reject) => {
          const stream = fs.createWriteStream(file);
          const requestOptions = this.getRequestOptions();
          const request = this.getProtocol(url).request(url, requestOptions, (response) => {
            response.on("end", () => {
              if (response.statusCode !== void 0 && (response.statusCode < 200 || response.statusCode > 299)) {
                reject((0, util_1.statusError)(response));
              } else {
                resolve();
              }
            });
            response.pipe(stream);
          });
          stream.on("error", (err) => {
            request.abort();
            reject(err);
          });
          request.on("error", (err) => {
            stream.close();
            reject(err);
          });
          request.end();
        });
      }
      getJson(url) {
        return new Promise((resolve, reject) => {
          const requestOptions = this.getRequestOptions();
          const request = this.getProtocol(url).request(url, requestOptions, this.getJsonResponse(resolve, reject));
          request.on("error", reject);
          request.end();
        });
      }
      post(content, url, headers, maxBodyLength) {
        return new Promise((resolve, reject) => {
          const requestOptions = this.getRequestOptions("POST", headers, maxBodyLength);
          const request = this.getProtocol(url).request(url, requestOptions, this.getJsonResponse(resolve, reject));
          request.on("error", reject);
          request.write(content);
          request.end();
        });
      }
      postFile(file, url, headers, maxBodyLength) {
        return new Promise((resolve, reject) => {
          const stream = fs.createReadStream(file);
          const requestOptions = this.getRequestOptions("POST", headers, maxBodyLength);
          const request = this.getProtocol(url).request(url, requestOptions, this.getJsonResponse(resolve, reject));
          stream.on("error", (err) => {
            request.abort();
            reject(err);
          });
          request.on("error", (err) => {
            stream.close();
            reject(err);
          });
          stream.on("open", () => stream.pipe(request));
        });
      }
      getUrl(path, query) {
        const url = new URL(this.url);
        if (url.pathname.endsWith("/")) {
          url.pathname += path;
        } else {
          url.pathname += `/${path}`;
        }
        if (query) {
          url.search = querystring.stringify(query);
        }
        return url;
      }
      getProtocol(url) {
        return url.protocol === "https:" ? followRedirects.https : followRedirects.http;
      }
      getRequestOptions(method, headers, maxBodyLength) {
        if (this.username && this.password) {
          headers ?? (headers = {});
          const credentials = Buffer.from(this.username + ":" + this.password).toString("base64");
          headers["Authorization"] = "Basic " + credentials;
        }
        return {
          method,
          headers,
          maxBodyLength
        };
      }
      getJsonResponse(resolve, reject) {
        return (response) => {
          response.setEncoding("utf-8");
          let json = "";
          response.on("data", (chunk) => json += chunk);
          response.on("end", () => {
            if (response.statusCode !== void 0 && (response.statusCode < 200 || response.statusCode > 299)) {
              if (json.startsWith("{")) {
                try {
                  const parsed = JSON.parse(json);
                  const message = parsed.message || parsed.error;
                  if (message) {
                    reject(new Error(message));
                    return;
                  }
                } catch (err) {
                }
              }
              reject((0, util_1.statusError)(response));
            } else if (json.startsWith("<!DOCTYPE html>")) {
              reject(json);
            } else {
              try {
                resolve(JSON.parse(json));
              } catch (err) {
                reject(err);
              }
            }
          });
        };
      }
    };
    exports.Registry = Registry;
  }
});

// node_modules/ovsx/lib/store.js
var require_store = __commonJS({
  "node_modules/ovsx/lib/store.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.KeytarStore = exports.FileStore = void 0;
    exports.openDefaultStore = openDefaultStore;
    var fs = __require("fs");
    var path = __require("path");
    var os_1 = __require("os");
    var FileStore = class _FileStore {
      static async open(path2 = _FileStore.DefaultPath) {
        try {
          const rawStore = await fs.promises.readFile(path2, "utf8");
          return new _FileStore(path2, JSON.parse(rawStore).entries);
        } catch (err) {
          if (err.code === "ENOENT") {
            return new _FileStore(path2, []);
          } else if (/SyntaxError/.test(err)) {
            throw new Error(`Error parsing file store: ${path2}.`);
          }
          throw err;
        }
      }
      get size() {
        return this.entries.length;
      }
      constructor(path2, entries) {
        this.path = path2;
        this.entries = entries;
      }
      async save() {
        await fs.promises.writeFile(this.path, JSON.stringify({ entries: this.entries }), { mode: "0600" });
      }
      async deleteStore() {
        try {
          await fs.promises.unlink(this.path);
        } catch {
        }
      }
      get(name) {
        return this.entries.find((p) => p.name === name)?.value;
      }
      async add(name, value) {
        const newEntry = { name, value };
        this.entries = [...this.entries.filter((p) => p.name !== name), newEntry];
        await this.save();
      }
      async delete(name) {
        this.entries = this.entries.filter((p) => p.name !== name);
        await this.save();
      }
      [Symbol.iterator]() {
        return this.entries[Symbol.iterator]();
      }
    };
    exports.FileStore = FileStore;
    FileStore.DefaultPath = path.join((0, os_1.homedir)(), ".ovsx");
    var KeytarStore = class _KeytarStore {
      static async open(serviceName = "ovsx") {
        const keytar = await Promise.resolve().then(() => __require("keytar"));
        const creds = await keytar.findCredentials(serviceName);
        return new _KeytarStore(keytar, serviceName, creds.map(({ account, password }) => ({ name: account, value: password })));
      }
      get size() {
        return this.entries.length;
      }
      constructor(keytar, serviceName, entries) {
        this.keytar = keytar;
        this.serviceName = serviceName;
        this.entries = entries;
      }
      get(name) {
        return this.entries.find((p) => p.name === name)?.value;
      }
      async add(name, value) {
        const newEntry = { name, value };
        this.entries = [...this.entries.filter((p) => p.name !== name), newEntry];
        await this.keytar.setPassword(this.serviceName, name, value);
      }
      async delete(name) {
        this.entries = this.entries.filter((p) => p.name !== name);
        await this.keytar.deletePassword(this.serviceName, name);
      }
      [Symbol.iterator]() {
        return this.entries[Symbol.iterator]();
      }
    };
    exports.KeytarStore = KeytarStore;
    async function openDefaultStore() {
      if (/^file$/i.test(process.env["OVSX_STORE"] ?? "")) {
        return await FileStore.open();
      }
      let keytarStore;
      try {
        keytarStore = await KeytarStore.open();
      } catch (err) {
        const store = await FileStore.open();
        console.warn(`Failed to open credential store. Falling back to storing secrets clear-text in: ${store.path}.`);
        return store;
      }
      const fileStore = await FileStore.open();
      if (fileStore.size) {
        for (const { name, value } of fileStore) {
          await keytarStore.add(name, value);
        }
        await fileStore.deleteStore();
        console.info(`Migrated ${fileStore.size} publishers to system credential manager. Deleted local store '${fileStore.path}'.`);
      }
      return keytarStore;
    }
  }
});

// node_modules/ovsx/lib/pat.js
var require_pat = __commonJS({
  "node_modules/ovsx/lib/pat.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.doVerifyPat = doVerifyPat;
    exports.requestPAT = requestPAT;
    exports.getPAT = getPAT;
    var registry_1 = require_registry();
    var util_1 = require_util();
    var store_1 = require_store();
    async function doVerifyPat(options) {
      const registry = new registry_1.Registry(options);
      const namespace = options.namespace;
      const pat = options.pat;
      const result = await registry.verifyPat(namespace, pat);
      if (result.error) {
        throw new Error(result.error);
      }
      console.log(`\u{1F680}  PAT valid to publish at ${namespace}`);
    }
    async function requestPAT(namespace, options, verify = true) {
      const pat = await (0, util_1.getUserInput)(`Personal Access Token for namespace '${namespace}':`);
      if (verify) {
        await doVerifyPat({ ...options, namespace, pat });
      }
      return pat;
    }
    async function getPAT(namespace, options, verify = true) {
      if (options?.pat) {
        return options.pat;
      }
      const store = await (0, store_1.openDefaultStore)();
      let pat = store.get(namespace);
      if (pat) {
        return pat;
      }
      pat = await requestPAT(namespace, options, verify);
      await store.add(namespace, pat);
      return pat;
    }
  }
});

// node_modules/ovsx/lib/create-namespace.js
var require_create_namespace = __commonJS({
  "node_modules/ovsx/lib/create-namespace.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createNamespace = createNamespace;
    var pat_1 = require_pat();
    var registry_1 = require_registry();
    var util_1 = require_util();
    async function createNamespace(options = {}) {
      (0, util_1.addEnvOptions)(options);
      if (!options.name) {
        throw new Error("The namespace name is mandatory.");
      }
      options.pat = await (0, pat_1.getPAT)(options.name, options, false);
      const registry = new registry_1.Registry(options);
      const result = await registry.createNamespace(options.name, options.pat);
      if (result.error) {
        throw new Error(result.error);
      }
      console.log(`\u{1F680}  Created namespace ${options.name}`);
    }
  }
});

// node_modules/ovsx/lib/create-namespace-options.js
var require_create_namespace_options = __commonJS({
  "node_modules/ovsx/lib/create-namespace-options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/ovsx/lib/get.js
var require_get = __commonJS({
  "node_modules/ovsx/lib/get.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getExtension = getExtension;
    var fs = __require("fs");
    var path = __require("path");
    var semver = require_semver();
    var registry_1 = require_registry();
    var util_1 = require_util();
    async function getExtension(options) {
      (0, util_1.addEnvOptions)(options);
      const registry = new registry_1.Registry(options);
      const match = (0, util_1.matchExtensionId)(options.extensionId);
      if (!match) {
        throw new Error("The extension identifier must have the form `namespace.extension`.");
      }
      const extension = await registry.getMetadata(match[1], match[2], options.target);
      if (extension.error) {
        throw new Error(extension.error);
      }
      const matchingVersion = await findMatchingVersion(registry, extension, options.version);
      if (matchingVersion.error) {
        throw new Error(matchingVersion.error);
      }
      if (options.metadata) {
        await printMetadata(registry, matchingVersion, options.output);
      } else {
        await download(registry, matchingVersion, options.output);
      }
    }
    function findMatchingVersion(registry, extension, constraint) {
      if (!constraint || semver.satisfies(extension.version, constraint)) {
        return Promise.resolve(extension);
      }
      for (const version of Object.keys(extension.allVersions)) {
        if (!isAlias(extension, version) && semver.satisfies(version, constraint)) {
          try {
            return registry.getJson(new URL(extension.allVersions[version]));
          } catch (err) {
            return (0, util_1.rejectError)(err);
          }
        }
      }
      return Promise.reject(new Error(`Extension ${extension.namespace}.${extension.name} has no published version matching '${constraint}'`));
    }
    function isAlias(extension, version) {
      return extension.versionAlias.includes(version);
    }
    async function printMetadata(registry, extension, output) {
      const metadata = JSON.stringify(extension, null, 4);
      if (!output) {
        console.log(metadata);
        return;
      }
      let filePath;
      const stats = await (0, util_1.optionalStat)(output);
      if (stats?.isDirectory() || !stats && output.endsWith(path.sep)) {
        const fileName = `${extension.namespace}.${extension.name}-${extension.version}.json`;
        filePath = path.resolve(process.cwd(), output, fileName);
      } else {
        filePath = path.resolve(process.cwd(), output);
      }
      await (0, util_1.makeDirs)(path.dirname(filePath));
      await (0, util_1.promisify)(fs.writeFile)(filePath, metadata);
    }
    async function download(registry, extension, output) {
      const downloadUrl = extension.files.download;
      if (!downloadUrl) {
        throw new Error(`Extension ${extension.namespace}.${extension.name} does not provide a download URL.`);
      }
      const fileNameIndex = downloadUrl.lastIndexOf("/");
      const fileName = decodeURIComponent(downloadUrl.substring(fileNameIndex + 1));
      let filePath;
      if (output) {
        const stats = await (0, util_1.optionalStat)(output);
        if (stats?.isDirectory() || !stats && output.endsWith(path.sep)) {
          filePath = path.resolve(process.cwd(), output, fileName);
        } else {
          filePath = path.resolve(process.cwd(), output);
        }
      } else {
        filePath = path.resolve(process.cwd(), fileName);
      }
      await (0, util_1.makeDirs)(path.dirname(filePath));
      const target = extension.targetPlatform !== "universal" ? "@" + extension.targetPlatform : "";
      console.log(`Downloading ${extension.namespace}.${extension.name}-${extension.version}${target} to ${filePath}`);
      await registry.download(filePath, new URL(downloadUrl));
    }
  }
});

// node_modules/ovsx/lib/get-options.js
var require_get_options = __commonJS({
  "node_modules/ovsx/lib/get-options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/ovsx/lib/login.js
var require_login = __commonJS({
  "node_modules/ovsx/lib/login.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = login;
    var util_1 = require_util();
    var store_1 = require_store();
    var pat_1 = require_pat();
    async function login(options) {
      (0, util_1.addEnvOptions)(options);
      if (!options.namespace) {
        throw new Error("Missing namespace name.");
      }
      const store = await (0, store_1.openDefaultStore)();
      let pat = store.get(options.namespace);
      if (pat) {
        console.log(`Namespace '${options.namespace}' is already known.`);
        const answer = await (0, util_1.getUserInput)("Do you want to overwrite its PAT? [y/N] ");
        if (!/^y$/i.test(answer)) {
          throw new Error("Aborted.");
        }
      }
      pat = await (0, pat_1.requestPAT)(options.namespace, options);
      await store.add(options.namespace, pat);
    }
  }
});

// node_modules/ovsx/lib/login-options.js
var require_login_options = __commonJS({
  "node_modules/ovsx/lib/login-options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/ovsx/lib/logout.js
var require_logout = __commonJS({
  "node_modules/ovsx/lib/logout.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = logout;
    var store_1 = require_store();
    async function logout(namespaceName) {
      if (!namespaceName) {
        throw new Error("Missing namespace name.");
      }
      const store = await (0, store_1.openDefaultStore)();
      if (!store.get(namespaceName)) {
        throw new Error(`Unknown namespace '${namespaceName}'.`);
      }
      await store.delete(namespaceName);
      console.log(`\u{1F680}  ${namespaceName} removed from the list of known namespaces`);
    }
  }
});

// node_modules/ci-info/vendors.json
var require_vendors = __commonJS({
  "node_modules/ci-info/vendors.json"(exports, module) {
    module.exports = [
      {
        name: "AppVeyor",
        constant: "APPVEYOR",
        env: "APPVEYOR",
        pr: "APPVEYOR_PULL_REQUEST_NUMBER"
      },
      {
        name: "Azure Pipelines",
        constant: "AZURE_PIPELINES",
        env: "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
        pr: "SYSTEM_PULLREQUEST_PULLREQUESTID"
      },
      {
        name: "Bamboo",
        constant: "BAMBOO",
        env: "bamboo_planKey"
      },
      {
        name: "Bitbucket Pipelines",
        constant: "BITBUCKET",
        env: "BITBUCKET_COMMIT",
        pr: "BITBUCKET_PR_ID"
      },
      {
        name: "Bitrise",
        constant: "BITRISE",
        env: "BITRISE_IO",
        pr: "BITRISE_PULL_REQUEST"
      },
      {
        name: "Buddy",
        constant: "BUDDY",
        env: "BUDDY_WORKSPACE_ID",
        pr: "BUDDY_EXECUTION_PULL_REQUEST_ID"
      },
      {
        name: "Buildkite",
        constant: "BUILDKITE",
        env: "BUILDKITE",
        pr: { env: "BUILDKITE_PULL_REQUEST", ne: "false" }
      },
      {
        name: "CircleCI",
        constant: "CIRCLE",
        env: "CIRCLECI",
        pr: "CIRCLE_PULL_REQUEST"
      },
      {
        name: "Cirrus CI",
        constant: "CIRRUS",
        env: "CIRRUS_CI",
        pr: "CIRRUS_PR"
      },
      {
        name: "AWS CodeBuild",
        constant: "CODEBUILD",
        env: "CODEBUILD_BUILD_ARN"
      },
      {
        name: "Codeship",
        constant: "CODESHIP",
        env: { CI_NAME: "codeship" }
      },
      {
        name: "Drone",
        constant: "DRONE",
        env: "DRONE",
        pr: { DRONE_BUILD_EVENT: "pull_request" }
      },
      {
        name: "dsari",
        constant: "DSARI",
        env: "DSARI"
      },
      {
        name: "GitLab CI",
        constant: "GITLAB",
        env: "GITLAB_CI"
      },
      {
        name: "GoCD",
        constant: "GOCD",
        env: "GO_PIPELINE_LABEL"
      },
      {
        name: "Hudson",
        constant: "HUDSON",
        env: "HUDSON_URL"
      },
      {
        name: "Jenkins",
        constant: "JENKINS",
        env: ["JENKINS_URL", "BUILD_ID"],
        pr: { any: ["ghprbPullId", "CHANGE_ID"] }
      },
      {
        name: "Magnum CI",
        constant: "MAGNUM",
        env: "MAGNUM"
      },
      {
        name: "Netlify CI",
        constant: "NETLIFY",
        env: "NETLIFY_BUILD_BASE",
        pr: { env: "PULL_REQUEST", ne: "false" }
      },
      {
        name: "Sail CI",
        constant: "SAIL",
        env: "SAILCI",
        pr: "SAIL_PULL_REQUEST_NUMBER"
      },
      {
        name: "Semaphore",
        constant: "SEMAPHORE",
        env: "SEMAPHORE",
        pr: "PULL_REQUEST_NUMBER"
      },
      {
        name: "Shippable",
        constant: "SHIPPABLE",
        env: "SHIPPABLE",
        pr: { IS_PULL_REQUEST: "true" }
      },
      {
        name: "Solano CI",
        constant: "SOLANO",
        env: "TDDIUM",
        pr: "TDDIUM_PR_ID"
      },
      {
        name: "Strider CD",
        constant: "STRIDER",
        env: "STRIDER"
      },
      {
        name: "TaskCluster",
        constant: "TASKCLUSTER",
        env: ["TASK_ID", "RUN_ID"]
      },
      {
        name: "TeamCity",
        constant: "TEAMCITY",
        env: "TEAMCITY_VERSION"
      },
      {
        name: "Travis CI",
        constant: "TRAVIS",
        env: "TRAVIS",
        pr: { env: "TRAVIS_PULL_REQUEST", ne: "false" }
      }
    ];
  }
});

// node_modules/ci-info/index.js
var require_ci_info = __commonJS({
  "node_modules/ci-info/index.js"(exports) {
    "use strict";
    var vendors = require_vendors();
    var env = process.env;
    Object.defineProperty(exports, "_vendors", {
      value: vendors.map(function(v) {
        return v.constant;
      })
    });
    exports.name = null;
    exports.isPR = null;
    vendors.forEach(function(vendor) {
      var envs = Array.isArray(vendor.env) ? vendor.env : [vendor.env];
      var isCI = envs.every(function(obj) {
        return checkEnv(obj);
      });
      exports[vendor.constant] = isCI;
      if (isCI) {
        exports.name = vendor.name;
        switch (typeof vendor.pr) {
          case "string":
            exports.isPR = !!env[vendor.pr];
            break;
          case "object":
            if ("env" in vendor.pr) {
              exports.isPR = vendor.pr.env in env && env[vendor.pr.env] !== vendor.pr.ne;
            } else if ("any" in vendor.pr) {
              exports.isPR = vendor.pr.any.some(function(key) {
                return !!env[key];
              });
            } else {
              exports.isPR = checkEnv(vendor.pr);
            }
            break;
          default:
            exports.isPR = null;
        }
      }
    });
    exports.isCI = !!(env.CI || // Travis CI, CircleCI, Cirrus CI, Gitlab CI, Appveyor, CodeShip, dsari
    env.CONTINUOUS_INTEGRATION || // Travis CI, Cirrus CI
    env.BUILD_NUMBER || // Jenkins, TeamCity
    env.RUN_ID || // TaskCluster, dsari
    exports.name || false);
    function checkEnv(obj) {
      if (typeof obj === "string") return !!env[obj];
      return Object.keys(obj).every(function(k) {
        return env[k] === obj[k];
      });
    }
  }
});

// node_modules/is-ci/index.js
var require_is_ci = __commonJS({
  "node_modules/is-ci/index.js"(exports, module) {
    "use strict";
    module.exports = require_ci_info().isCI;
  }
});

// node_modules/ovsx/lib/check-license.js
var require_check_license = __commonJS({
  "node_modules/ovsx/lib/check-license.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isLicenseOk = isLicenseOk;
    exports.checkLicense = checkLicense;
    var fs = __require("fs");
    var isCI = require_is_ci();
    var util_1 = require_util();
    async function addLicense(packagePath, manifest) {
      console.log("Extension " + manifest.publisher + "." + manifest.name + " has no license. All Open VSX Registry Content Offerings must be licensed. You may choose to publish this extension under the MIT License (https://opensource.org/licenses/MIT). Please note you are responsible to ensure that you have the necessary rights to permit this extension to be made available under the MIT license and for compliance with that license.");
      let answer;
      do {
        console.log();
        answer = await (0, util_1.getUserChoice)("Would you like to publish your extension " + manifest.publisher + "." + manifest.name + " under the MIT license?", ["yes", "help", "no"], "no");
        switch (answer) {
          case "yes":
            await useMITLicense(manifest, packagePath);
            break;
          case "help":
            console.log('If you select "yes" your extension will be published under the MIT License. You must enter the Copyright Year and Copyright Holder information. This information along with the text of the MIT License will be written to a LICENSE file and packaged with the uploaded extension.\n');
            console.log(MIT_LICENSE_TEXT);
            break;
          case "no":
            throw new Error("This extension cannot be accepted because it has no license.");
        }
      } while (answer === "help");
    }
    async function isLicenseOk(packagePath, manifest) {
      manifest = manifest ?? await (0, util_1.readManifest)(packagePath);
      (0, util_1.validateManifest)(manifest);
      if (manifest.license) {
        return true;
      }
      if (await hasLicenseFile(packagePath)) {
        return true;
      }
      return false;
    }
    async function checkLicense(packagePath) {
      const manifest = await (0, util_1.readManifest)(packagePath);
      if (!await isLicenseOk(packagePath, manifest) && !isCI) {
        await addLicense(packagePath, manifest);
      }
    }
    async function useMITLicense(manifest, packagePath) {
      console.log('Please enter a value for Copyright Year and Copyright Holder.\nExample: "Copyright 2020 John Doe"\n');
      const copyright = await (0, util_1.getUserInput)("Copyright ");
      if (!copyright) {
        throw new Error("A copyright declaration is necessary for the MIT license.");
      }
      manifest.license = "MIT";
      await (0, util_1.writeManifest)(manifest, packagePath);
      const license = MIT_LICENSE_TEXT.replace("<YEAR> <COPYRIGHT HOLDER>", copyright);
      await (0, util_1.writeFile)("LICENSE", license, packagePath);
      console.log("LICENSE file has been written. Please commit it to the source repository.");
    }
    var LICENSE_FILE_NAMES = ["license.md", "license", "license.txt", "licence.md", "licence", "licence.txt"];
    async function hasLicenseFile(packagePath) {
      const fileNames = await (0, util_1.promisify)(fs.readdir)(packagePath ?? ".");
      for (const fileName of fileNames) {
        for (const licFileName of LICENSE_FILE_NAMES) {
          if (fileName.toLowerCase() === licFileName) {
            return true;
          }
        }
      }
      return false;
    }
    var MIT_LICENSE_TEXT = `Copyright <YEAR> <COPYRIGHT HOLDER>

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;
  }
});

// node_modules/object-keys/isArguments.js
var require_isArguments = __commonJS({
  "node_modules/object-keys/isArguments.js"(exports, module) {
    "use strict";
    var toStr = Object.prototype.toString;
    module.exports = function isArguments(value) {
      var str = toStr.call(value);
      var isArgs = str === "[object Arguments]";
      if (!isArgs) {
        isArgs = str !== "[object Array]" && value !== null && typeof value === "object" && typeof value.length === "number" && value.length >= 0 && toStr.call(value.callee) === "[object Function]";
      }
      return isArgs;
    };
  }
});

// node_modules/object-keys/implementation.js
var require_implementation = __commonJS({
  "node_modules/object-keys/implementation.js"(exports, module) {
    "use strict";
    var keysShim;
    if (!Object.keys) {
      has = Object.prototype.hasOwnProperty;
      toStr = Object.prototype.toString;
      isArgs = require_isArguments();
      isEnumerable = Object.prototype.propertyIsEnumerable;
      hasDontEnumBug = !isEnumerable.call({ toString: null }, "toString");
      hasProtoEnumBug = isEnumerable.call(function() {
      }, "prototype");
      dontEnums = [
        "toString",
        "toLocaleString",
        "valueOf",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "constructor"
      ];
      equalsConstructorPrototype = function(o) {
        var ctor = o.constructor;
        return ctor && ctor.prototype === o;
      };
      excludedKeys = {
        $applicationCache: true,
        $console: true,
        $external: true,
        $frame: true,
        $frameElement: true,
        $frames: true,
        $innerHeight: true,
        $innerWidth: true,
        $onmozfullscreenchange: true,
        $onmozfullscreenerror: true,
        $outerHeight: true,
        $outerWidth: true,
        $pageXOffset: true,
        $pageYOffset: true,
        $parent: true,
        $scrollLeft: true,
        $scrollTop: true,
        $scrollX: true,
        $scrollY: true,
        $self: true,
        $webkitIndexedDB: true,
        $webkitStorageInfo: true,
        $window: true
      };
      hasAutomationEqualityBug = (function() {
        if (typeof window === "undefined") {
          return false;
        }
        for (var k in window) {
          try {
            if (!excludedKeys["$" + k] && has.call(window, k) && window[k] !== null && typeof window[k] === "object") {
              try {
                equalsConstructorPrototype(window[k]);
              } catch (e) {
                return true;
              }
            }
          } catch (e) {
            return true;
          }
        }
        return false;
      })();
      equalsConstructorPrototypeIfNotBuggy = function(o) {
        if (typeof window === "undefined" || !hasAutomationEqualityBug) {
          return equalsConstructorPrototype(o);
        }
        try {
          return equalsConstructorPrototype(o);
        } catch (e) {
          return false;
        }
      };
      keysShim = function keys(object) {
        var isObject = object !== null && typeof object === "object";
        var isFunction = toStr.call(object) === "[object Function]";
        var isArguments = isArgs(object);
        var isString = isObject && toStr.call(object) === "[object String]";
        var theKeys = [];
        if (!isObject && !isFunction && !isArguments) {
          throw new TypeError("Object.keys called on a non-object");
        }
        var skipProto = hasProtoEnumBug && isFunction;
        if (isString && object.length > 0 && !has.call(object, 0)) {
          for (var i = 0; i < object.length; ++i) {
            theKeys.push(String(i));
          }
        }
        if (isArguments && object.length > 0) {
          for (var j = 0; j < object.length; ++j) {
            theKeys.push(String(j));
          }
        } else {
          for (var name in object) {
            if (!(skipProto && name === "prototype") && has.call(object, name)) {
              theKeys.push(String(name));
            }
          }
        }
        if (hasDontEnumBug) {
          var skipConstructor = equalsConstructorPrototypeIfNotBuggy(object);
          for (var k = 0; k < dontEnums.length; ++k) {
            if (!(skipConstructor && dontEnums[k] === "constructor") && has.call(object, dontEnums[k])) {
              theKeys.push(dontEnums[k]);
            }
          }
        }
        return theKeys;
      };
    }
    var has;
    var toStr;
    var isArgs;
    var isEnumerable;
    var hasDontEnumBug;
    var hasProtoEnumBug;
    var dontEnums;
    var equalsConstructorPrototype;
    var excludedKeys;
    var hasAutomationEqualityBug;
    var equalsConstructorPrototypeIfNotBuggy;
    module.exports = keysShim;
  }
});

// node_modules/object-keys/index.js
var require_object_keys = __commonJS({
  "node_modules/object-keys/index.js"(exports, module) {
    "use strict";
    var slice = Array.prototype.slice;
    var isArgs = require_isArguments();
    var origKeys = Object.keys;
    var keysShim = origKeys ? function keys(o) {
      return origKeys(o);
    } : require_implementation();
    var originalKeys = Object.keys;
    keysShim.shim = function shimObjectKeys() {
      if (Object.keys) {
        var keysWorksWithArguments = (function() {
          var args = Object.keys(arguments);
          return args && args.length === arguments.length;
        })(1, 2);
        if (!keysWorksWithArguments) {
          Object.keys = function keys(object) {
            if (isArgs(object)) {
              return originalKeys(slice.call(object));
            }
            return originalKeys(object);
          };
        }
      } else {
        Object.keys = keysShim;
      }
      return Object.keys || keysShim;
    };
    module.exports = keysShim;
  }
});

// node_modules/define-data-property/index.js
var require_define_data_property = __commonJS({
  "node_modules/define-data-property/index.js"(exports, module) {
    "use strict";
    var $defineProperty = require_es_define_property();
    var $SyntaxError = require_syntax();
    var $TypeError = require_type();
    var gopd = require_gopd();
    module.exports = function defineDataProperty(obj, property, value) {
      if (!obj || typeof obj !== "object" && typeof obj !== "function") {
        throw new $TypeError("`obj` must be an object or a function`");
      }
      if (typeof property !== "string" && typeof property !== "symbol") {
        throw new $TypeError("`property` must be a string or a symbol`");
      }
      if (arguments.length > 3 && typeof arguments[3] !== "boolean" && arguments[3] !== null) {
        throw new $TypeError("`nonEnumerable`, if provided, must be a boolean or null");
      }
      if (arguments.length > 4 && typeof arguments[4] !== "boolean" && arguments[4] !== null) {
        throw new $TypeError("`nonWritable`, if provided, must be a boolean or null");
      }
      if (arguments.length > 5 && typeof arguments[5] !== "boolean" && arguments[5] !== null) {
        throw new $TypeError("`nonConfigurable`, if provided, must be a boolean or null");
      }
      if (arguments.length > 6 && typeof arguments[6] !== "boolean") {
        throw new $TypeError("`loose`, if provided, must be a boolean");
      }
      var nonEnumerable = arguments.length > 3 ? arguments[3] : null;
      var nonWritable = arguments.length > 4 ? arguments[4] : null;
      var nonConfigurable = arguments.length > 5 ? arguments[5] : null;
      var loose = arguments.length > 6 ? arguments[6] : false;
      var desc = !!gopd && gopd(obj, property);
      if ($defineProperty) {
        $defineProperty(obj, property, {
          configurable: nonConfigurable === null && desc ? desc.configurable : !nonConfigurable,
          enumerable: nonEnumerable === null && desc ? desc.enumerable : !nonEnumerable,
          value,
          writable: nonWritable === null && desc ? desc.writable : !nonWritable
        });
      } else if (loose || !nonEnumerable && !nonWritable && !nonConfigurable) {
        obj[property] = value;
      } else {
        throw new $SyntaxError("This environment does not support defining a property as non-configurable, non-writable, or non-enumerable.");
      }
    };
  }
});

// node_modules/has-property-descriptors/index.js
var require_has_property_descriptors = __commonJS({
  "node_modules/has-property-descriptors/index.js"(exports, module) {
    "use strict";
    var $defineProperty = require_es_define_property();
    var hasPropertyDescriptors = function hasPropertyDescriptors2() {
      return !!$defineProperty;
    };
    hasPropertyDescriptors.hasArrayLengthDefineBug = function hasArrayLengthDefineBug() {
      if (!$defineProperty) {
        return null;
      }
      try {
        return $defineProperty([], "length", { value: 1 }).length !== 1;
      } catch (e) {
        return true;
      }
    };
    module.exports = hasPropertyDescriptors;
  }
});

// node_modules/define-properties/index.js
var require_define_properties = __commonJS({
  "node_modules/define-properties/index.js"(exports, module) {
    "use strict";
    var keys = require_object_keys();
    var hasSymbols = typeof Symbol === "function" && typeof /* @__PURE__ */ Symbol("foo") === "symbol";
    var toStr = Object.prototype.toString;
    var concat = Array.prototype.concat;
    var defineDataProperty = require_define_data_property();
    var isFunction = function(fn) {
      return typeof fn === "function" && toStr.call(fn) === "[object Function]";
    };
    var supportsDescriptors = require_has_property_descriptors()();
    var defineProperty = function(object, name, value, predicate) {
      if (name in object) {
        if (predicate === true) {
          if (object[name] === value) {
            return;
          }
        } else if (!isFunction(predicate) || !predicate()) {
          return;
        }
      }
      if (supportsDescriptors) {
        defineDataProperty(object, name, value, true);
      } else {
        defineDataProperty(object, name, value);
      }
    };
    var defineProperties = function(object, map) {
      var predicates = arguments.length > 2 ? arguments[2] : {};
      var props = keys(map);
      if (hasSymbols) {
        props = concat.call(props, Object.getOwnPropertySymbols(map));
      }
      for (var i = 0; i < props.length; i += 1) {
        defineProperty(object, props[i], map[props[i]], predicates[props[i]]);
      }
    };
    defineProperties.supportsDescriptors = !!supportsDescriptors;
    module.exports = defineProperties;
  }
});

// node_modules/globalthis/implementation.js
var require_implementation2 = __commonJS({
  "node_modules/globalthis/implementation.js"(exports, module) {
    "use strict";
    module.exports = global;
  }
});

// node_modules/globalthis/polyfill.js
var require_polyfill = __commonJS({
  "node_modules/globalthis/polyfill.js"(exports, module) {
    "use strict";
    var implementation = require_implementation2();
    module.exports = function getPolyfill() {
      if (typeof global !== "object" || !global || global.Math !== Math || global.Array !== Array) {
        return implementation;
      }
      return global;
    };
  }
});

// node_modules/globalthis/shim.js
var require_shim = __commonJS({
  "node_modules/globalthis/shim.js"(exports, module) {
    "use strict";
    var define = require_define_properties();
    var gOPD = require_gopd();
    var getPolyfill = require_polyfill();
    module.exports = function shimGlobal() {
      var polyfill = getPolyfill();
      if (define.supportsDescriptors) {
        var descriptor = gOPD(polyfill, "globalThis");
        if (!descriptor || descriptor.configurable && (descriptor.enumerable || !descriptor.writable || globalThis !== polyfill)) {
          Object.defineProperty(polyfill, "globalThis", {
            configurable: true,
            enumerable: false,
            value: polyfill,
            writable: true
          });
        }
      } else if (typeof globalThis !== "object" || globalThis !== polyfill) {
        polyfill.globalThis = polyfill;
      }
      return polyfill;
    };
  }
});

// node_modules/globalthis/index.js
var require_globalthis = __commonJS({
  "node_modules/globalthis/index.js"(exports, module) {
    "use strict";
    var defineProperties = require_define_properties();
    var implementation = require_implementation2();
    var getPolyfill = require_polyfill();
    var shim = require_shim();
    var polyfill = getPolyfill();
    var getGlobal = function() {
      return polyfill;
    };
    defineProperties(getGlobal, {
      getPolyfill,
      implementation,
      shim
    });
    module.exports = getGlobal;
  }
});

// node_modules/is-it-type/dist/cjs/is-it-type.js
var require_is_it_type = __commonJS({
  "node_modules/is-it-type/dist/cjs/is-it-type.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var getGlobalThis = require_globalthis();
    function _interopDefaultLegacy(e) {
      return e && typeof e === "object" && "default" in e ? e : { "default": e };
    }
    var getGlobalThis__default = /* @__PURE__ */ _interopDefaultLegacy(getGlobalThis);
    var isArray = Array.isArray;
    function isBoolean(arg) {
      return isType("boolean", arg);
    }
    function isNull(arg) {
      return arg === null;
    }
    function isUndefined(arg) {
      return arg === void 0;
    }
    function isNullOrUndefined(arg) {
      return arg == null;
    }
    function isNumber(arg) {
      return isType("number", arg);
    }
    function isString(arg) {
      return isType("string", arg);
    }
    function isSymbol(arg) {
      return isType("symbol", arg);
    }
    function isRegExp(arg) {
      return arg instanceof RegExp;
    }
    function isDate(arg) {
      return arg instanceof Date;
    }
    function isError(arg) {
      return arg instanceof Error;
    }
    function isFunction(arg) {
      return isType("function", arg);
    }
    function isPrimitive(arg) {
      var type = getType(arg);
      return arg == null || type === "boolean" || type === "number" || type === "string" || type === "symbol";
    }
    function isEmptyString(arg) {
      return arg === "";
    }
    function isFullString(arg) {
      return isString(arg) && !isEmptyString(arg);
    }
    var getPrototypeOf = Object.getPrototypeOf;
    var ObjectPrototype = Object.prototype;
    var globalThis2 = getGlobalThis__default["default"]();
    function isObject(arg) {
      if (!isType("object", arg) || isNull(arg)) return false;
      var proto = getPrototypeOf(arg);
      if (proto === null || proto === ObjectPrototype) return true;
      while (true) {
        var nextProto = getPrototypeOf(proto);
        if (nextProto === null) return true;
        if (nextProto === ObjectPrototype) break;
        proto = nextProto;
      }
      return isNotNativeProto(proto);
    }
    function isNotNativeProto(proto) {
      var nativeProtos = [];
      for (var _i = 0, _arr = ["Function", "Array", "Number", "Boolean", "String", "Symbol", "Date", "Promise", "RegExp", "Error", "ArrayBuffer", "DataView", "Map", "BigInt", "Set", "WeakMap", "WeakSet", "SharedArrayBuffer", "FinalizationRegistry", "WeakRef", "URL", "URLSearchParams", "TextEncoder", "TextDecoder"]; _i < _arr.length; _i++) {
        var ctorName = _arr[_i];
        var ctor = globalThis2[ctorName];
        if (ctor) nativeProtos.push(ctor.prototype);
      }
      if (typeof Uint8Array === "function") nativeProtos.push(getPrototypeOf(Uint8Array.prototype));
      if (typeof Set === "function") {
        nativeProtos = new Set(nativeProtos);
        isNotNativeProto = function isNotNativeProto2(p) {
          return !nativeProtos.has(p);
        };
      } else {
        isNotNativeProto = function isNotNativeProto2(p) {
          return !nativeProtos.includes(p);
        };
      }
      return isNotNativeProto(proto);
    }
    function isEmptyObject(arg) {
      return isObject(arg) && Object.keys(arg).length === 0;
    }
    function isInteger(arg) {
      return Number.isInteger(arg);
    }
    function isPositiveInteger(arg) {
      return isInteger(arg) && arg > 0;
    }
    function isPositiveIntegerOrZero(arg) {
      return isInteger(arg) && arg >= 0;
    }
    function isNegativeInteger(arg) {
      return isInteger(arg) && arg < 0;
    }
    function isNegativeIntegerOrZero(arg) {
      return isInteger(arg) && arg <= 0;
    }
    function isType(type, arg) {
      return getType(arg) === type;
    }
    function getType(arg) {
      return typeof arg;
    }
    exports.isArray = isArray;
    exports.isBoolean = isBoolean;
    exports.isDate = isDate;
    exports.isEmptyObject = isEmptyObject;
    exports.isEmptyString = isEmptyString;
    exports.isError = isError;
    exports.isFullString = isFullString;
    exports.isFunction = isFunction;
    exports.isInteger = isInteger;
    exports.isNegativeInteger = isNegativeInteger;
    exports.isNegativeIntegerOrZero = isNegativeIntegerOrZero;
    exports.isNull = isNull;
    exports.isNullOrUndefined = isNullOrUndefined;
    exports.isNumber = isNumber;
    exports.isObject = isObject;
    exports.isPositiveInteger = isPositiveInteger;
    exports.isPositiveIntegerOrZero = isPositiveIntegerOrZero;
    exports.isPrimitive = isPrimitive;
    exports.isRegExp = isRegExp;
    exports.isString = isString;
    exports.isSymbol = isSymbol;
    exports.isType = isType;
    exports.isUndefined = isUndefined;
  }
});

// node_modules/is-it-type/index.js
var require_is_it_type2 = __commonJS({
  "node_modules/is-it-type/index.js"(exports, module) {
    "use strict";
    module.exports = require_is_it_type();
  }
});

// node_modules/simple-invariant/index.js
var require_simple_invariant = __commonJS({
  "node_modules/simple-invariant/index.js"(exports, module) {
    "use strict";
    var DEFAULT_MESSAGE = "Invariant failed";
    module.exports = function invariant(condition, message) {
      if (!condition) {
        const err = new Error(message || DEFAULT_MESSAGE);
        Error.captureStackTrace(err, invariant);
        throw err;
      }
    };
  }
});

// node_modules/yauzl-promise/lib/shared.js
var require_shared = __commonJS({
  "node_modules/yauzl-promise/lib/shared.js"(exports, module) {
    "use strict";
    var INTERNAL_SYMBOL = {};
    var uncertainUncompressedSizeEntriesRegistry = new FinalizationRegistry(
      ({ zip, ref }) => zip._uncertainUncompressedSizeEntryRefs?.delete(ref)
    );
    module.exports = { INTERNAL_SYMBOL, uncertainUncompressedSizeEntriesRegistry };
  }
});

// node_modules/yauzl-promise/lib/utils.js
var require_utils = __commonJS({
  "node_modules/yauzl-promise/lib/utils.js"(exports, module) {
    "use strict";
    var { Writable: WritableStream, promises: { pipeline } } = __require("stream");
    var assert = require_simple_invariant();
    module.exports = { decodeBuffer, validateFilename, dosDateTimeToDate, readUInt64LE, streamToBuffer };
    function decodeBuffer(buffer, start, isUtf8) {
      if (isUtf8) return buffer.toString("utf8", start);
      let str = "";
      for (let i = start; i < buffer.length; i++) {
        str += CP437_CHARS[buffer[i]];
      }
      return str;
    }
    var CP437_CHARS = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    function validateFilename(filename) {
      assert(filename.indexOf("\\") === -1, `Invalid characters in filename: ${filename}`);
      assert(
        // eslint-disable-next-line no-use-before-define
        !ABSOLUTE_FILENAME_REGEX1.test(filename) && !ABSOLUTE_FILENAME_REGEX2.test(filename),
        `Absolute path: ${filename}`
      );
      assert(filename.split("/").indexOf("..") === -1, `Relative path: ${filename}`);
    }
    var ABSOLUTE_FILENAME_REGEX1 = /^[a-zA-Z]:/;
    var ABSOLUTE_FILENAME_REGEX2 = /^\//;
    function dosDateTimeToDate(date, time) {
      const day = date & 31;
      const month = (date >> 5 & 15) - 1;
      const year = (date >> 9 & 127) + 1980;
      const millisecond = 0;
      const second = (time & 31) * 2;
      const minute = time >> 5 & 63;
      const hour = time >> 11 & 31;
      return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
    }
    function readUInt64LE(buffer, offset) {
      return buffer.readUInt32LE(offset + 4) * 4294967296 + buffer.readUInt32LE(offset);
    }
    async function streamToBuffer(stream) {
      const chunks = [];
      const collectStream = new WritableStream({
        write(chunk, encoding, cb) {
          chunks.push(chunk);
          cb();
        }
      });
      await pipeline(stream, collectStream);
      return Buffer.concat(chunks);
    }
  }
});

// node_modules/yauzl-promise/lib/entry.js
var require_entry = __commonJS({
  "node_modules/yauzl-promise/lib/entry.js"(exports, module) {
    "use strict";
    var { createInflateRaw } = __require("zlib");
    var { Transform: TransformStream, pipeline } = __require("stream");
    var calculateCrc32 = __require("@node-rs/crc32").crc32;
    var { isObject, isBoolean, isPositiveInteger, isPositiveIntegerOrZero } = require_is_it_type2();
    var assert = require_simple_invariant();
    var { INTERNAL_SYMBOL, uncertainUncompressedSizeEntriesRegistry } = require_shared();
    var { dosDateTimeToDate } = require_utils();
    var MAC_LFH_EXTRA_FIELDS_LENGTH = 16;
    var FOUR_GIB = 4294967296;
    var Entry = class {
      /**
       * Class representing ZIP file entry.
       * Class is exported in public interface, for purpose of `instanceof` checks, but constructor cannot
       * be called by user. This is enforced by use of private symbol `INTERNAL_SYMBOL`.
       * @class
       * @param {Object} testSymbol - Must be `INTERNAL_SYMBOL`
       * @param {Object} props - Entry properties (see `Zip` class's `_readEntryAt()` method)
       */
      constructor(testSymbol, props) {
        assert(testSymbol === INTERNAL_SYMBOL, "Entry class cannot be instantiated directly");
        Object.assign(this, props);
      }
      /**
       * Get last modified date as JS `Date` object.
       * @returns {Date} - Date
       */
      getLastMod() {
        return dosDateTimeToDate(this.lastModDate, this.lastModTime);
      }
      /**
       * Get if entry is encrypted.
       * @returns {boolean} - `true` if is encrypted
       */
      isEncrypted() {
        return (this.generalPurposeBitFlag & 1) !== 0;
      }
      /**
       * Get if file data is compressed.
       * Differs slightly from Yauzl's implementation, which only returns `true` if compression method
       * is deflate. This returns `true` if it's compressed with *any* compression method.
       * @returns {boolean} - `true` if file data is compressed
       */
      isCompressed() {
        return this.compressionMethod !== 0;
      }
      /**
       * Get readable stream for file data.
       * @async
       * @param {Object} [options] - Options
       * @param {boolean} [options.decompress=true] - `false` to output raw data without decompression
       * @param {boolean} [options.decrypt=true] - `false` to disable decryption if is encrypted
       *   and output raw encrypted data
       * @param {boolean} [options.validateCrc32=true] - `false` to skip CRC32 validation
       * @param {number} [options.start] - Start offset (only valid if not decompressing)
       * @param {number} [options.end] - End offset (only valid if not decompressing)
       * @returns {Object} - Readable stream
       */
      async openReadStream(options) {
        let decompress, decrypt, validateCrc32, start, end;
        if (options != null) {
          assert(isObject(options), "`options` must be an object if provided");
          const unknownKey = Object.keys(options).find(
            (key) => !["decompress", "decrypt", "validateCrc32", "start", "end"].includes(key)
          );
          assert(unknownKey === void 0, `Unknown option '${unknownKey}'`);
          ({ decompress, decrypt, validateCrc32, start, end } = options);
        }
        if (decrypt == null) {
          decrypt = this.isEncrypted();
        } else {
          assert(isBoolean(decrypt), "`options.decrypt` must be a boolean if provided");
          if (!this.isEncrypted()) decrypt = false;
        }
        assert(!decrypt, "Decryption is not supported");
        if (decompress == null) {
          decompress = this.isCompressed();
        } else {
          assert(isBoolean(decompress), "`options.decompress` must be a boolean if provided");
          if (!this.isCompressed()) decompress = false;
        }
        assert(
          !decompress || this.compressionMethod === 8,
          `Unsupported compression method ${this.compressionMethod}`
        );
        assert(!decompress || !this.isEncrypted(), "Cannot decompress encrypted data");
        if (validateCrc32 == null) {
          validateCrc32 = decompress || !this.isCompressed();
        } else if (validateCrc32 === true) {
          assert(!decompress || !this.isCompressed(), "Cannot validate CRC32 for uncompressed data");
        } else {
          assert(validateCrc32 === false, "`options.validateCrc32` must be a boolean if provided");
        }
        assert(!validateCrc32 || !this.isEncrypted(), "Cannot validate CRC32 of encrypted data");
        if (start == null) {
          start = 0;
        } else if (start !== 0) {
          assert(isPositiveInteger(start), "`options.start` must be a positive integer if provided");
          assert(!decompress, "Cannot stream a section of file if decompressing");
          assert(!validateCrc32, "Cannot validate CRC32 for a section of file");
          assert(start <= this.compressedSize, "`start` is after end of file data");
        }
        if (end == null) {
          end = this.compressedSize;
        } else {
          assert(isPositiveIntegerOrZero(end), "`options.end` must be a positive integer if provided");
          assert(!decompress, "Cannot stream a section of file if decompressing");
          assert(!validateCrc32, "Cannot validate CRC32 for a section of file");
          assert(end <= this.compressedSize, "`end` is after end of file data");
          assert(end >= start, "`end` is before `start`");
        }
        const buffer = await this.zip.reader.read(this.fileHeaderOffset, 30);
        assert(buffer.readUInt32LE(0) === 67324752, "Invalid Local File Header signature");
        const localCrc32 = buffer.readUInt32LE(14);
        const localCompressedSize = buffer.readUInt32LE(18);
        const localUncompressedSize = buffer.readUInt32LE(22);
        const filenameLength = buffer.readUInt16LE(26);
        const extraFieldsLength = buffer.readUInt16LE(28);
        const fileDataOffset = this.fileHeaderOffset + 30 + filenameLength + extraFieldsLength;
        this.fileDataOffset = fileDataOffset;
        if (this.zip.isMacArchive || this.zip.isMaybeMacArchive) {
          const matchesMacSignature = localCrc32 === 0 && localCompressedSize === 0 && localUncompressedSize === 0 && filenameLength === this.filenameLength && extraFieldsLength === this.extraFields.length * MAC_LFH_EXTRA_FIELDS_LENGTH;
          if (this.zip.isMacArchive) {
            assert(matchesMacSignature, "Misidentified Mac OS Archive Utility ZIP");
          } else if (!matchesMacSignature) {
            this.zip._setAsNotMacArchive();
          }
        }
        if (this.compressedSize !== 0) {
          assert(
            fileDataOffset + this.compressedSize <= this.zip.footerOffset,
            `File data overflows file bounds: ${fileDataOffset} + ${this.compressedSize} > ${this.zip.footerOffset}`
          );
        }
        let stream = this.zip.reader.createReadStream(fileDataOffset + start, end - start);
        const streams = [stream];
        if (decompress) {
          streams.push(createInflateRaw());
          if (this.zip.validateEntrySizes) streams.push(new ValidateUncompressedSizeStream(this));
        }
        if (validateCrc32) streams.push(new ValidateCrc32Stream(this.crc32));
        if (streams.length > 1) {
          pipeline(streams, () => {
          });
          stream = streams[streams.length - 1];
        }
        return stream;
      }
    };
    module.exports = Entry;
    var ValidateUncompressedSizeStream = class extends TransformStream {
      /**
       * Transform stream to compare size of uncompressed stream to expected.
       * If `entry.uncompressedSizeIsCertain === false`, only checks actual byte count is accurate
       * in lower 32 bits. `entry.uncompressedSize` can be inaccurate in faulty Mac OS ZIPs where
       * uncompressed size reported by ZIP is truncated to lower 32 bits.
       * If it proves inaccurate, `entry.uncompressedSize` is updated,
       * and ZIP is flagged as being Mac OS ZIP if it isn't already.
       * @class
       * @param {Object} entry - Entry object
       */
      constructor(entry) {
        super();
        this.byteCount = 0;
        this.expectedByteCount = entry.uncompressedSize;
        this.entry = entry;
      }
      _transform(chunk, encoding, cb) {
        this.byteCount += chunk.length;
        if (this.byteCount > this.expectedByteCount) {
          if (this.entry.uncompressedSizeIsCertain) {
            cb(new Error(
              `Too many bytes in the stream. Expected ${this.expectedByteCount}, got at least ${this.byteCount}.`
            ));
            return;
          }
          if (this.entry.uncompressedSize === this.expectedByteCount) {
            this.expectedByteCount += FOUR_GIB;
            this.entry.uncompressedSize = this.expectedByteCount;
            const { zip } = this.entry;
            if (!zip.isMacArchive) {
              if (!zip.isMaybeMacArchive) {
                cb(new Error("Logic failure. Please raise an issue."));
                return;
              }
              zip._setAsMacArchive(zip.numEntriesRead, zip._entryCursor);
            }
          } else {
            this.expectedByteCount = this.entry.uncompressedSize;
          }
        }
        cb(null, chunk);
      }
      _flush(cb) {
        if (this.byteCount < this.expectedByteCount) {
          cb(new Error(
            `Not enough bytes in the stream. Expected ${this.expectedByteCount}, got only ${this.byteCount}.`
          ));
        } else {
          if (!this.entry.uncompressedSizeIsCertain) {
            this.entry.uncompressedSizeIsCertain = true;
            const ref = this.entry._ref;
            if (ref) {
              this.entry._ref = null;
              this.entry.zip._uncertainUncompressedSizeEntryRefs.delete(ref);
              uncertainUncompressedSizeEntriesRegistry.unregister(ref);
            }
          }
          cb();
        }
      }
    };
    var ValidateCrc32Stream = class extends TransformStream {
      constructor(crc32) {
        super();
        this.crc32 = 0;
        this.expectedCrc32 = crc32;
      }
      _transform(chunk, encoding, cb) {
        this.crc32 = calculateCrc32(chunk, this.crc32);
        cb(null, chunk);
      }
      _flush(cb) {
        if (this.crc32 !== this.expectedCrc32) {
          cb(new Error(`CRC32 validation failed. Expected ${this.expectedCrc32}, received ${this.crc32}.`));
        } else {
          cb();
        }
      }
    };
  }
});

// node_modules/yauzl-promise/lib/zip.js
var require_zip = __commonJS({
  "node_modules/yauzl-promise/lib/zip.js"(exports, module) {
    "use strict";
    var calculateCrc32 = __require("@node-rs/crc32").crc32;
    var assert = require_simple_invariant();
    var { isPositiveIntegerOrZero } = require_is_it_type2();
    var Entry = require_entry();
    var { INTERNAL_SYMBOL, uncertainUncompressedSizeEntriesRegistry } = require_shared();
    var { decodeBuffer, validateFilename, readUInt64LE } = require_utils();
    var EOCDR_WITHOUT_COMMENT_SIZE = 22;
    var MAX_EOCDR_COMMENT_SIZE = 65535;
    var MAC_CDH_EXTRA_FIELD_ID = 22613;
    var MAC_CDH_EXTRA_FIELD_LENGTH = 8;
    var MAC_CDH_EXTRA_FIELDS_LENGTH = MAC_CDH_EXTRA_FIELD_LENGTH + 4;
    var MAC_LFH_EXTRA_FIELDS_LENGTH = 16;
    var CDH_MIN_LENGTH = 46;
    var CDH_MAX_LENGTH = CDH_MIN_LENGTH + 65535 * 3;
    var CDH_MAX_LENGTH_MAC = CDH_MIN_LENGTH + 65535 + MAC_CDH_EXTRA_FIELDS_LENGTH;
    var FOUR_GIB = 4294967296;
    var Zip = class {
      /**
       * Class representing ZIP file.
       * Class is exported in public interface, for purpose of `instanceof` checks, but constructor cannot
       * be called by user. This is enforced by use of private symbol `INTERNAL_SYMBOL`.
       * @class
       * @param {Object} testSymbol - Must be `INTERNAL_SYMBOL`
       * @param {Object} reader - `Reader` to use to access the ZIP
       * @param {number} size - Size of ZIP file in bytes
       * @param {Object} options - Options
       * @param {boolean} [options.decodeStrings=true] - Decode filenames and comments to strings
       * @param {boolean} [options.validateEntrySizes=true] - Validate entry sizes
       * @param {boolean} [options.validateFilenames=true] - Validate filenames
       * @param {boolean} [options.strictFilenames=false] - Don't allow backslashes (`\`) in filenames
       * @param {boolean} [options.supportMacArchive=true] - Support Mac OS Archive Utility faulty ZIP files
       */
      constructor(testSymbol, reader, size, options) {
        assert(
          testSymbol === INTERNAL_SYMBOL,
          "Zip class cannot be instantiated directly. Use one of the static methods."
        );
        this.reader = reader;
        this.size = size;
        Object.assign(this, options);
        this.isZip64 = null;
        this.entryCount = null;
        this.entryCountIsCertain = true;
        this.footerOffset = null;
        this.centralDirectoryOffset = null;
        this.centralDirectorySize = null;
        this.centralDirectorySizeIsCertain = true;
        this.comment = null;
        this.numEntriesRead = 0;
        this.isMacArchive = false;
        this.isMaybeMacArchive = false;
        this.compressedSizesAreCertain = true;
        this.uncompressedSizesAreCertain = true;
        this._isReading = false;
        this._entryCursor = null;
        this._fileCursor = null;
        this._uncertainUncompressedSizeEntryRefs = null;
        this._firstEntryProps = null;
      }
      /**
       * Close ZIP file. Underlying reader will be closed.
       * @async
       * @returns {undefined}
       */
      close() {
        return this.reader.close();
      }
      /**
       * Getter for whether `Zip` is open for reading.
       * @returns {boolean} - `true` if open
       */
      get isOpen() {
        return this.reader.isOpen;
      }
      /**
       * Locate Central Directory.
       * @async
       * @returns {undefined}
       */
      async _init() {
        const eocdrBuffer = await this._locateEocdr();
        this._parseEocdr(eocdrBuffer);
        if (this.isZip64) await this._parseZip64Eocdr();
        await this._locateCentralDirectory();
        this._entryCursor = this.centralDirectoryOffset;
      }
      /**
       * Locate End of Central Directory Record.
       * @async
       * @returns {Buffer} - Buffer containing EOCDR
       */
      async _locateEocdr() {
        let bufferSize = EOCDR_WITHOUT_COMMENT_SIZE + MAX_EOCDR_COMMENT_SIZE;
        if (this.size < bufferSize) {
          assert(this.size >= EOCDR_WITHOUT_COMMENT_SIZE, "End of Central Directory Record not found");
          bufferSize = this.size;
        }
        const bufferOffset = this.size - bufferSize;
        const buffer = await this.reader.read(bufferOffset, bufferSize);
        let pos;
        for (pos = bufferSize - EOCDR_WITHOUT_COMMENT_SIZE; pos >= 0; pos--) {
          if (buffer[pos] !== 80) continue;
          if (buffer.readUInt32LE(pos) !== 101010256) continue;
          const commentLength = buffer.readUInt16LE(pos + 20);
          if (commentLength === bufferSize - pos - EOCDR_WITHOUT_COMMENT_SIZE) {
            this.footerOffset = bufferOffset + pos;
            return buffer.subarray(pos);
          }
        }
        throw new Error("End of Central Directory Record not found");
      }
      /**
       * Parse End of Central Directory Record.
       * Get Central Directory location, size and entry count.
       * @param {Buffer} eocdrBuffer - Buffer containing EOCDR
       * @returns {undefined}
       */
      _parseEocdr(eocdrBuffer) {
        const diskNumber = eocdrBuffer.readUInt16LE(4);
        assert(diskNumber === 0, "Multi-disk ZIP files are not supported");
        this.entryCount = eocdrBuffer.readUInt16LE(10);
        this.centralDirectorySize = eocdrBuffer.readUInt32LE(12);
        this.centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
        this.comment = this.decodeStrings ? decodeBuffer(eocdrBuffer, 22, false) : Buffer.from(eocdrBuffer.subarray(22));
        this.isZip64 = this.entryCount === 65535 || this.centralDirectoryOffset === 4294967295 || this.centralDirectorySize === 4294967295;
      }
      /**
       * Parse ZIP64 End of Central Directory Locator + Record.
       * Get Central Directory location, size and entry count, where ZIP64 extension used.
       * @async
       * @returns {undefined}
       */
      async _parseZip64Eocdr() {
        const zip64EocdlOffset = this.footerOffset - 20;
        assert(zip64EocdlOffset >= 0, "Cannot locate ZIP64 End of Central Directory Locator");
        const zip64EocdlBuffer = await this.reader.read(zip64EocdlOffset, 20);
        if (zip64EocdlBuffer.readUInt32LE(0) !== 117853008) {
          if (this.supportMacArchive) {
            this.isMacArchive = true;
            return;
          }
          throw new Error("Invalid ZIP64 End of Central Directory Locator signature");
        }
        const zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        assert(
          zip64EocdrOffset + 56 <= zip64EocdlOffset,
          "Cannot locate ZIP64 End of Central Directory Record"
        );
        const zip64EocdrBuffer = await this.reader.read(zip64EocdrOffset, 56);
        assert(
          zip64EocdrBuffer.readUInt32LE(0) === 101075792,
          "Invalid ZIP64 End of Central Directory Record signature"
        );
        const zip64EocdrSize = readUInt64LE(zip64EocdrBuffer, 4);
        assert(
          zip64EocdrOffset + zip64EocdrSize + 12 <= zip64EocdlOffset,
          "Invalid ZIP64 End of Central Directory Record"
        );
        if (this.entryCount === 65535) this.entryCount = readUInt64LE(zip64EocdrBuffer, 32);
        if (this.centralDirectorySize === 4294967295) {
          this.centralDirectorySize = readUInt64LE(zip64EocdrBuffer, 40);
        }
        if (this.centralDirectoryOffset === 4294967295) {
          this.centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
        }
        this.footerOffset = zip64EocdrOffset + zip64EocdrSize === zip64EocdlOffset ? zip64EocdrOffset : zip64EocdlOffset;
      }
      /**
       * Locate Central Directory.
       *
       * In a well-formed ZIP file, the EOCDR accurately gives us the offset and size of Central
       * Directory, and the entry count.
       *
       * However Mac OS Archive Utility, instead of using ZIP64 extension to record Central Directory
       * offset or size >= 4 GiB, or entry count >= 65536, truncates size and offset to lower 32 bits,
       * and entry count to lower 16 bits.
       * i.e.:
       * Actual offset = reported offset + n * (1 << 32)
       * Actual size = reported size + m * (1 << 32)
       * Actual entry count = reported entry count + o * (1 << 16)
       * (where `n`, `m` and `o` are unknown)
       *
       * Identify if this may be a faulty Mac OS Archive Utility ZIP. If so, find the actual location of
       * the Central Directory. Deduce which of above properties cannot be known with certainty.
       *
       * In some cases, it's not possible to immediately determine if a ZIP is definitely a Mac OS ZIP.
       * If it may be, but not sure yet, record which properties are unknown at present.
       * Later calls to `readEntry()` or `openReadStream()` will reveal more about the ZIP, and the
       * determinaton of whether ZIP is a faulty Mac OS ZIP or not will be made then.
       *
       * Try to do this while ensuring a spec-compliant ZIP will never be misinterpretted.
       *
       * @async
       * @returns {undefined}
       */
      async _locateCentralDirectory() {
        if (!this.supportMacArchive) return;
        if (this.isZip64) return;
        if (this.size - this.footerOffset !== EOCDR_WITHOUT_COMMENT_SIZE) return;
        let centralDirectoryEnd = this.centralDirectoryOffset + this.centralDirectorySize;
        if (centralDirectoryEnd % FOUR_GIB !== this.footerOffset % FOUR_GIB) return;
        if (this.entryCount === 0 && this.centralDirectoryOffset + CDH_MIN_LENGTH > this.footerOffset) {
          assert(this.centralDirectorySize === 0, "Inconsistent Central Directory size and entry count");
          return;
        }
        if (this.centralDirectorySize < this.entryCount * CDH_MIN_LENGTH) {
          assert(
            centralDirectoryEnd < this.footerOffset,
            "Inconsistent Central Directory size and entry count"
          );
          this.isMacArchive = true;
          centralDirectoryEnd = this.footerOffset;
          this.centralDirectorySize = centralDirectoryEnd - this.centralDirectoryOffset;
        }
        if (this._recalculateEntryCount(0, this.centralDirectoryOffset)) {
          this.isMacArchive = true;
        }
        let entry, alreadyCheckedOffset;
        if (!this.isMacArchive) {
          entry = await this._readEntryAt(this.centralDirectoryOffset);
          if (entry && !firstEntryMaybeMac(entry)) {
            assert(this.entryCount > 0, "Inconsistent Central Directory size and entry count");
            this._firstEntryProps = entry;
            return;
          }
          alreadyCheckedOffset = this.centralDirectoryOffset;
        } else {
          alreadyCheckedOffset = -1;
        }
        if (!entry) {
          let offset = this.footerOffset - Math.max(this.centralDirectorySize, this.entryCount * CDH_MIN_LENGTH);
          if (offset % FOUR_GIB < this.centralDirectoryOffset) {
            assert(offset >= FOUR_GIB, "Inconsistent Central Directory size and entry count");
            offset -= FOUR_GIB;
          }
          offset = Math.floor(offset / FOUR_GIB) * FOUR_GIB + this.centralDirectoryOffset;
          while (offset > alreadyCheckedOffset) {
            entry = await this._readEntryAt(offset);
            if (entry) {
              assert(firstEntryMaybeMac(entry), "Cannot locate Central Directory");
              this.isMacArchive = true;
              this.centralDirectoryOffset = offset;
              break;
            }
            offset -= FOUR_GIB;
          }
        }
        if (!entry) {
          assert(
            this.entryCount === 0 && this.centralDirectorySize === 0,
            "Cannot locate Central Directory"
          );
          return;
        }
        if (this.entryCount === 0) this.isMacArchive = true;
        if (this.isMacArchive) {
          centralDirectoryEnd = this.footerOffset;
          this.centralDirectorySize = centralDirectoryEnd - this.centralDirectoryOffset;
          assert(this.centralDirectorySize > 0, "Inconsistent Central Directory size and entry count");
          this._recalculateEntryCount(1, entry.entryEnd);
          const minTotalDataSize = this.entryCount * 46 + entry.compressedSize + entry.filename.length + entry.extraFields.length * MAC_LFH_EXTRA_FIELDS_LENGTH;
          if (minTotalDataSize + FOUR_GIB <= this.centralDirectoryOffset) {
            this.compressedSizesAreCertain = false;
          }
        } else {
          this.isMaybeMacArchive = true;
          if (centralDirectoryEnd < this.footerOffset) {
            this.centralDirectorySizeIsCertain = false;
            this.entryCountIsCertain = false;
          } else {
            this._recalculateEntryCount(1, entry.entryEnd);
          }
          this._uncertainUncompressedSizeEntryRefs = /* @__PURE__ */ new Set();
        }
        if (this.entryCountIsCertain && !entryCountIsCertain(this.entryCount - 1, centralDirectoryEnd - entry.entryEnd)) this.entryCountIsCertain = false;
        this.uncompressedSizesAreCertain = false;
        this._fileCursor = 0;
        this._firstEntryProps = entry;
      }
      /**
       * Get next entry.
       * @async
       * @returns {Entry|null} - `Entry` object for next entry, or `null` if none remaining
       */
      async readEntry() {
        assert(!this._isReading, "Cannot call `readEntry()` before previous call's promise has settled");
        this._isReading = true;
        try {
          return await this._readEntry();
        } finally {
          this._isReading = false;
        }
      }
      /**
       * Get next entry.
       * Implementation for `readEntry()`. Should not be called directly.
       * @async
       * @returns {Entry|null} - `Entry` object for next entry, or `null` if none remaining
       */
      async _readEntry() {
        if (this.numEntriesRead === this.entryCount && this.entryCountIsCertain) return null;
        let entryProps = this._firstEntryProps, entryEnd;
        if (entryProps) {
          this._firstEntryProps = null;
          entryEnd = entryProps.entryEnd;
        } else {
          entryProps = await this._readEntryAt(this._entryCursor);
          const centralDirectoryEnd = this.centralDirectoryOffset + this.centralDirectorySize;
          if (!entryProps) {
            assert(
              !this.isMacArchive && this.numEntriesRead === this.entryCount && this._entryCursor === centralDirectoryEnd,
              "Invalid Central Directory File Header signature"
            );
            if (this.isMaybeMacArchive) this._setAsNotMacArchive();
            return null;
          }
          entryEnd = entryProps.entryEnd;
          if (this.isMacArchive) {
            assert(
              entryMaybeMac(entryProps) && entryProps.fileHeaderOffset === this._fileCursor % FOUR_GIB,
              "Inconsistent Central Directory structure"
            );
            entryProps.fileHeaderOffset = this._fileCursor;
            if (!this.entryCountIsCertain) {
              this._recalculateEntryCount(this.numEntriesRead + 1, entryEnd);
              this._recalculateEntryCountIsCertain(this.numEntriesRead + 1, entryEnd);
            }
          } else if (this.isMaybeMacArchive) {
            if (this._fileCursor >= FOUR_GIB) {
              assert(
                entryMaybeMac(entryProps) && entryProps.fileHeaderOffset === this._fileCursor % FOUR_GIB,
                "Inconsistent Central Directory structure"
              );
              this._setAsMacArchive(this.numEntriesRead + 1, entryEnd);
            } else if (!entryMaybeMac(entryProps) || entryProps.fileHeaderOffset !== this._fileCursor) {
              this._setAsNotMacArchive();
              assert(this.numEntriesRead !== this.entryCount, "Central Directory contains too many entries");
            } else if (!this.centralDirectorySizeIsCertain && entryEnd + (this.entryCount - this.numEntriesRead - 1) * CDH_MIN_LENGTH > centralDirectoryEnd) {
              this._setAsMacArchive(this.numEntriesRead + 1, entryEnd);
            } else if (!this.entryCountIsCertain) {
              if (this._recalculateEntryCount(this.numEntriesRead + 1, entryEnd)) {
                this._setAsMacArchive(this.numEntriesRead + 1, entryEnd);
              } else if (this.centralDirectorySizeIsCertain) {
                this._recalculateEntryCountIsCertain(this.numEntriesRead + 1, entryEnd);
              }
            }
          }
        }
        const fileDataOffsetIfMac = entryProps.fileHeaderOffset + 30 + entryProps.filename.length + entryProps.extraFields.length * MAC_LFH_EXTRA_FIELDS_LENGTH;
        if (!this.compressedSizesAreCertain) {
          const isNowCertain = await this._determineCompressedSize(entryProps, fileDataOffsetIfMac);
          if (isNowCertain) this.compressedSizesAreCertain = true;
        }
        if (!this.uncompressedSizesAreCertain) {
          if (entryProps.compressionMethod === 0) {
            entryProps.uncompressedSize = entryProps.compressedSize;
          } else if (entryProps.compressionMethod !== 8) {
            entryProps.uncompressedSizeIsCertain = false;
          } else {
            const maxUncompressedSize = entryProps.compressedSize * 1032;
            if (maxUncompressedSize > FOUR_GIB * 2 || maxUncompressedSize > FOUR_GIB && maxUncompressedSize % FOUR_GIB > entryProps.uncompressedSize) entryProps.uncompressedSizeIsCertain = false;
          }
        }
        const entry = this._validateAndDecodeEntry(entryProps);
        this._entryCursor = entryEnd;
        this.numEntriesRead++;
        if (this.isMacArchive || this.isMaybeMacArchive) {
          this._fileCursor = fileDataOffsetIfMac + entry.compressedSize + (entryProps.compressionMethod === 8) * 16;
          if (this.isMacArchive) {
            entry.fileDataOffset = fileDataOffsetIfMac;
          } else if (!entry.uncompressedSizeIsCertain) {
            const ref = new WeakRef(entry);
            entry._ref = ref;
            this._uncertainUncompressedSizeEntryRefs.add(ref);
            uncertainUncompressedSizeEntriesRegistry.register(entry, { zip: this, ref }, ref);
          }
        }
        return entry;
      }
      /**
       * Determine actual compressed size of entry.
       * Update `compressedSize` if it's not what was reported.
       * Return whether *all future* entries have certain compressed size.
       *
       * This method should only be called if this is a Mac ZIP, or possibly a Mac ZIP.
       * i.e. Compressed sizes are not certain to be as reported in the ZIP.
       *
       * First attempt to prove that size can be known with certainty without reading from ZIP file.
       * If that's not possible, search ZIP file for the Data Descriptor which follows file data.
       *
       * Care has to be taken to avoid data races, because this function contains async IO calls,
       * and possible for user to call `openReadStream()` on another Entry, or an event on a stream
       * already in process to cause the ZIP to be identified as definitely Mac or definitely not Mac
       * during this function's async calls.
       *
       * @param {Object} entryProps - Entry properties
       * @param {number} fileDataOffsetIfMac - If ZIP is a Mac OS ZIP, offset file data will start at
       * @returns {boolean} - `true` if all later entry compressed sizes must be certain
       */
      async _determineCompressedSize(entryProps, fileDataOffsetIfMac) {
        let numEntriesRemaining = this.entryCount - this.numEntriesRead - 1;
        let dataSpaceRemaining = this.centralDirectoryOffset - fileDataOffsetIfMac - entryProps.compressedSize - (entryProps.compressionMethod === 8) * 16;
        if (dataSpaceRemaining - numEntriesRemaining * 30 < FOUR_GIB) return true;
        if (this.isMacArchive && numEntriesRemaining === 0) {
          assert(
            dataSpaceRemaining % FOUR_GIB === 0,
            "Invalid ZIP structure for Mac OS Archive Utility ZIP"
          );
          entryProps.compressedSize += dataSpaceRemaining;
          return true;
        }
        if (entryProps.compressionMethod === 0) {
          return false;
        }
        let fileDataEnd = fileDataOffsetIfMac + entryProps.compressedSize;
        while (true) {
          const buffer = await this.reader.read(fileDataEnd, 20);
          if (buffer.readUInt32LE(0) === 134695760 && buffer.readUInt32LE(4) === entryProps.crc32 && buffer.readUInt32LE(8) === entryProps.compressedSize && buffer.readUInt32LE(12) === entryProps.uncompressedSize && (buffer.readUInt32LE(16) === 67324752 || fileDataEnd + 16 === this.centralDirectoryOffset)) break;
          if (this.compressedSizesAreCertain) {
            fileDataEnd = null;
            break;
          }
          fileDataEnd += FOUR_GIB;
          if (fileDataEnd + 16 > this.centralDirectoryOffset) {
            fileDataEnd = null;
            break;
          }
        }
        if (fileDataEnd === null) {
          assert(!this.isMacArchive, "Cannot locate file Data Descriptor");
          if (this.isMaybeMacArchive) this._setAsNotMacArchive();
          return true;
        }
        if (fileDataEnd === fileDataOffsetIfMac + entryProps.compressedSize) {
          return false;
        }
        if (!this.isMacArchive) {
          assert(this.isMaybeMacArchive, "Cannot locate file Data Descriptor");
          this._setAsMacArchive(this.numEntriesRead + 1, entryProps.entryEnd);
        }
        entryProps.compressedSize = fileDataEnd - fileDataOffsetIfMac;
        numEntriesRemaining = this.entryCount - this.numEntriesRead - 1;
        dataSpaceRemaining = this.centralDirectoryOffset - fileDataEnd - 16;
        return dataSpaceRemaining - numEntriesRemaining * 30 < FOUR_GIB;
      }
      /**
       * Attempt to read Central Directory Header at offset.
       * Returns properties of entry. Does not decode strings or validate file sizes.
       * @async
       * @param {number} offset - Offset to parse CDH at
       * @returns {Object|null} - Entry properties or `null` if no Central Directory File Header found
       */
      async _readEntryAt(offset) {
        assert(offset + CDH_MIN_LENGTH <= this.footerOffset, "Invalid Central Directory File Header");
        const entryBuffer = await this.reader.read(offset, CDH_MIN_LENGTH);
        if (entryBuffer.readUInt32LE(0) !== 33639248) return null;
        const versionMadeBy = entryBuffer.readUInt16LE(4);
        const versionNeededToExtract = entryBuffer.readUInt16LE(6);
        const generalPurposeBitFlag = entryBuffer.readUInt16LE(8);
        const compressionMethod = entryBuffer.readUInt16LE(10);
        const lastModTime = entryBuffer.readUInt16LE(12);
        const lastModDate = entryBuffer.readUInt16LE(14);
        const crc32 = entryBuffer.readUInt32LE(16);
        let compressedSize = entryBuffer.readUInt32LE(20);
        let uncompressedSize = entryBuffer.readUInt32LE(24);
        const filenameLength = entryBuffer.readUInt16LE(28);
        const extraFieldLength = entryBuffer.readUInt16LE(30);
        const commentLength = entryBuffer.readUInt16LE(32);
        const internalFileAttributes = entryBuffer.readUInt16LE(36);
        const externalFileAttributes = entryBuffer.readUInt32LE(38);
        let fileHeaderOffset = entryBuffer.readUInt32LE(42);
        assert((generalPurposeBitFlag & 64) === 0, "Strong encryption is not supported");
        const extraDataOffset = offset + CDH_MIN_LENGTH, extraDataSize = filenameLength + extraFieldLength + commentLength, entryEnd = extraDataOffset + extraDataSize;
        assert(entryEnd <= this.footerOffset, "Invalid Central Directory File Header");
        const extraBuffer = await this.reader.read(extraDataOffset, extraDataSize);
        const filename = extraBuffer.subarray(0, filenameLength);
        const commentStart = filenameLength + extraFieldLength;
        const extraFieldBuffer = extraBuffer.subarray(filenameLength, commentStart);
        let i = 0;
        const extraFields = [];
        let zip64EiefBuffer;
        while (i < extraFieldBuffer.length - 3) {
          const headerId = extraFieldBuffer.readUInt16LE(i + 0), dataSize = extraFieldBuffer.readUInt16LE(i + 2), dataStart = i + 4, dataEnd = dataStart + dataSize;
          assert(dataEnd <= extraFieldBuffer.length, "Extra field length exceeds extra field buffer size");
          const dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
          extraFields.push({ id: headerId, data: dataBuffer });
          i = dataEnd;
          if (headerId === 1) zip64EiefBuffer = dataBuffer;
        }
        const comment = extraBuffer.subarray(commentStart, extraDataSize);
        const isZip64 = uncompressedSize === 4294967295 || compressedSize === 4294967295 || fileHeaderOffset === 4294967295;
        if (isZip64) {
          assert(zip64EiefBuffer, "Expected ZIP64 Extended Information Extra Field");
          let index = 0;
          if (uncompressedSize === 4294967295) {
            assert(
              index + 8 <= zip64EiefBuffer.length,
              "ZIP64 Extended Information Extra Field does not include uncompressed size"
            );
            uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
            index += 8;
          }
          if (compressedSize === 4294967295) {
            assert(
              index + 8 <= zip64EiefBuffer.length,
              "ZIP64 Extended Information Extra Field does not include compressed size"
            );
            compressedSize = readUInt64LE(zip64EiefBuffer, index);
            index += 8;
          }
          if (fileHeaderOffset === 4294967295) {
            assert(
              index + 8 <= zip64EiefBuffer.length,
              "ZIP64 Extended Information Extra Field does not include relative header offset"
            );
            fileHeaderOffset = readUInt64LE(zip64EiefBuffer, index);
            index += 8;
          }
        }
        assert(fileHeaderOffset + 30 <= this.footerOffset, "Invalid location for file data");
        return {
          filename,
          compressedSize,
          uncompressedSize,
          uncompressedSizeIsCertain: true,
          // May not be correct - may be set to `false` in `readEntry()`
          compressionMethod,
          fileHeaderOffset,
          fileDataOffset: null,
          isZip64,
          crc32,
          lastModTime,
          lastModDate,
          comment,
          extraFields,
          versionMadeBy,
          versionNeededToExtract,
          generalPurposeBitFlag,
          internalFileAttributes,
          externalFileAttributes,
          filenameLength,
          entryEnd
        };
      }
      /**
       * Update `entryCount` if it's lower than is possible for it to be.
       * @param {number} numEntriesRead - Number of entries read so far
       * @param {number} entryCursor - Current position in Central Directory
       * @returns {boolean} - `true` if entry count was increased
       */
      _recalculateEntryCount(numEntriesRead, entryCursor) {
        const numEntriesRemaining = this.entryCount - numEntriesRead, centralDirectoryRemaining = this.centralDirectoryOffset + this.centralDirectorySize - entryCursor, entryMaxLen = this.isMacArchive ? CDH_MAX_LENGTH_MAC : CDH_MAX_LENGTH;
        if (numEntriesRemaining * entryMaxLen >= centralDirectoryRemaining) return false;
        const minEntriesRemaining = Math.ceil(centralDirectoryRemaining / CDH_MAX_LENGTH_MAC);
        this.entryCount += minEntriesRemaining - numEntriesRemaining + 65535 & 65536;
        return true;
      }
      /**
       * Update `entryCountIsCertain` if it's impossible for entry count to be 65536 larger than
       * current `entryCount` without exceeding bounds of Central Directory.
       * This calculation is only valid if size of Central Directory is certain,
       * so must only be called if `centralDirectorySizeIsCertain` is `true`.
       * @param {number} numEntriesRead - Number of entries read so far
       * @param {number} entryCursor - Current position in Central Directory
       * @returns {undefined}
       */
      _recalculateEntryCountIsCertain(numEntriesRead, entryCursor) {
        const numEntriesRemaining = this.entryCount - numEntriesRead, centralDirectoryRemaining = this.centralDirectoryOffset + this.centralDirectorySize - entryCursor;
        if (entryCountIsCertain(numEntriesRemaining, centralDirectoryRemaining)) {
          this.entryCountIsCertain = true;
        }
      }
      /**
       * Suspected Mac OS Archive Utility ZIP has turned out to definitely be one.
       * Flag as Mac ZIP and calculate Central Directory size if it was ambiguous previously.
       * Recalculate minimum entry count and whether it's now certain.
       * @param {number} numEntriesRead - Number of entries read so far
       * @param {number} entryCursor - Current position in Central Directory
       * @returns {undefined}
       */
      _setAsMacArchive(numEntriesRead, entryCursor) {
        this.isMacArchive = true;
        this.isMaybeMacArchive = false;
        if (!this.centralDirectorySizeIsCertain) {
          this.centralDirectorySize = this.footerOffset - this.centralDirectoryOffset;
          this.centralDirectorySizeIsCertain = true;
        }
        if (!this.entryCountIsCertain) {
          this._recalculateEntryCount(numEntriesRead, entryCursor);
          this._recalculateEntryCountIsCertain(numEntriesRead, entryCursor);
        }
        for (const ref of this._uncertainUncompressedSizeEntryRefs) {
          uncertainUncompressedSizeEntriesRegistry.unregister(ref);
          const entry = ref.deref();
          if (entry) entry._ref = null;
        }
        this._uncertainUncompressedSizeEntryRefs = null;
      }
      /**
       * Suspected Mac OS Archive Utility ZIP has turned out not to be one.
       * Reset flags.
       * @returns {undefined}
       */
      _setAsNotMacArchive() {
        this.isMaybeMacArchive = false;
        this.entryCountIsCertain = true;
        this.centralDirectorySizeIsCertain = true;
        this.compressedSizesAreCertain = true;
        this.uncompressedSizesAreCertain = true;
        this._fileCursor = null;
        for (const ref of this._uncertainUncompressedSizeEntryRefs) {
          uncertainUncompressedSizeEntriesRegistry.unregister(ref);
          const entry = ref.deref();
          if (entry) {
            entry._ref = null;
            entry.uncompressedSizeIsCertain = true;
          }
        }
        this._uncertainUncompressedSizeEntryRefs = null;
      }
      /**
       * Convert entry properties returned from `_readEntryAt()` to a full `Entry` object.
       * Decode strings and validate entry size according to options.
       * @param {Object} entry - Entry properties returned by `_readEntryAt()`
       * @returns {Entry} - `Entry` object
       */
      _validateAndDecodeEntry(entry) {
        if (this.decodeStrings) {
          let filename;
          for (const extraField of entry.extraFields) {
            if (extraField.id !== 28789) continue;
            if (extraField.data.length < 6) continue;
            if (extraField.data[0] !== 1) continue;
            const oldNameCrc32 = extraField.data.readUInt32LE(1);
            if (calculateCrc32(entry.filename) !== oldNameCrc32) continue;
            filename = decodeBuffer(extraField.data, 5, true);
            break;
          }
          const isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
          if (filename === void 0) filename = decodeBuffer(entry.filename, 0, isUtf8);
          if (this.validateFilenames) {
            if (!this.strictFilenames) filename = filename.replace(/\\/g, "/");
            validateFilename(filename);
          }
          entry.filename = filename;
          for (const extraField of entry.extraFields) {
            extraField.data = Buffer.from(extraField.data);
          }
          entry.comment = decodeBuffer(entry.comment, 0, isUtf8);
        }
        if (this.validateEntrySizes && entry.compressionMethod === 0) {
          const expectedCompressedSize = entry.generalPurposeBitFlag & 1 ? entry.uncompressedSize + 12 : entry.uncompressedSize;
          assert(
            entry.compressedSize === expectedCompressedSize,
            `Compressed/uncompressed size mismatch for stored file: ${entry.compressedSize} !== ${expectedCompressedSize}`
          );
        }
        let entryEnd;
        ({ entryEnd, ...entry } = entry);
        return new Entry(INTERNAL_SYMBOL, { ...entry, zip: this, _ref: null });
      }
      /**
       * Read multiple entries.
       * If `numEntries` is provided, will read at maximum that number of entries.
       * Otherwise, reads all entries.
       * @async
       * @param {number} [numEntries] - Number of entries to read
       * @returns {Array<Entry>} - Array of entries
       */
      async readEntries(numEntries) {
        if (numEntries != null) {
          assert(isPositiveIntegerOrZero(numEntries), "`numEntries` must be a positive integer if provided");
        } else {
          numEntries = Infinity;
        }
        const entries = [];
        for (let i = 0; i < numEntries; i++) {
          const entry = await this.readEntry();
          if (!entry) break;
          entries.push(entry);
        }
        return entries;
      }
      /**
       * Get async iterator for entries.
       * Usage: `for await (const entry of zip) { ... }`
       * @returns {Object} - Async iterator
       */
      [Symbol.asyncIterator]() {
        return {
          next: async () => {
            const entry = await this.readEntry();
            return { value: entry, done: entry === null };
          }
        };
      }
      /**
       * Get readable stream for file data.
       * @async
       * @param {Entry} entry - `Entry` object
       * @param {Object} [options] - Options
       * @param {boolean} [options.decompress] - `false` to output raw data without decompression
       * @param {boolean} [options.decrypt] - `true` to decrypt if is encrypted
       * @param {number} [options.start] - Start offset (only valid if not decompressing)
       * @param {number} [options.end] - End offset (only valid if not decompressing)
       * @returns {Object} - Readable stream
       */
      async openReadStream(entry, options) {
        assert(entry instanceof Entry, "`entry` must be an instance of `Entry`");
        assert(entry.zip === this, "`entry` must be an `Entry` from this ZIP file");
        return await entry.openReadStream(options);
      }
    };
    module.exports = Zip;
    function entryCountIsCertain(entryCount, centralDirectorySize) {
      return (entryCount + 65536) * CDH_MIN_LENGTH > centralDirectorySize;
    }
    function firstEntryMaybeMac(entry) {
      if (entry.fileHeaderOffset !== 0) return false;
      return entryMaybeMac(entry);
    }
    function entryMaybeMac(entry) {
      if (entry.versionMadeBy !== 789) return false;
      if (entry.comment.length !== 0) return false;
      if (entry.isZip64) return false;
      if (entry.versionNeededToExtract === 20) {
        if (entry.generalPurposeBitFlag !== 8 || entry.compressionMethod !== 8 || endsWithSlash(entry.filename)) return false;
      } else if (entry.versionNeededToExtract === 10) {
        if (entry.generalPurposeBitFlag !== 0 || entry.compressionMethod !== 0 || entry.uncompressedSize !== entry.compressedSize) return false;
        if (entry.extraFields.length === 0) {
          if (entry.compressedSize === 0 || endsWithSlash(entry.filename)) return false;
          return true;
        }
        if (entry.compressedSize !== 0 || entry.crc32 !== 0) return false;
      } else {
        return false;
      }
      if (entry.extraFields.length !== 1 || entry.extraFields[0].id !== MAC_CDH_EXTRA_FIELD_ID || entry.extraFields[0].data.length !== MAC_CDH_EXTRA_FIELD_LENGTH) return false;
      return true;
    }
    function endsWithSlash(filename) {
      return filename[filename.length - 1] === 47;
    }
  }
});

// node_modules/yauzl-promise/lib/reader.js
var require_reader = __commonJS({
  "node_modules/yauzl-promise/lib/reader.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var { PassThrough: PassThroughStream, Readable: ReadableStream } = __require("stream");
    var { promisify } = __require("util");
    var { isPositiveIntegerOrZero } = require_is_it_type2();
    var assert = require_simple_invariant();
    var openAsync = promisify(fs.open);
    var closeAsync = promisify(fs.close);
    var { streamToBuffer } = require_utils();
    var Reader = class {
      constructor() {
        this.isOpen = false;
        this.readCount = 0;
      }
      /**
       * Open reader.
       * Calls `._open()` method defined by subclass.
       * If already open, does nothing.
       * @async
       * @returns {undefined}
       */
      async open() {
        if (this.isOpen) return;
        this.isOpen = true;
        await this._open();
      }
      /**
       * Close reader.
       * Calls `._close()` method defined by subclass.
       * If already closed, does nothing.
       * @async
       * @returns {undefined}
       * @throws {Error} - If Reader is currently being read from
       */
      async close() {
        if (!this.isOpen) return;
        assert(this.readCount === 0, "Cannot close while reading in progress");
        this.isOpen = false;
        await this._close();
      }
      /**
       * Read bytes into Buffer.
       * @async
       * @param {number} start - Starting position to read at
       * @param {number} length - Number of bytes to read
       * @returns {Buffer} - Buffer
       * @throws {Error} - If Reader is not open
       */
      async read(start, length) {
        assert(this.isOpen, "Cannot call `read()` on a reader which is not open");
        if (length === 0) return Buffer.allocUnsafe();
        this.readCount++;
        try {
          return await this._read(start, length);
        } finally {
          this.readCount--;
        }
      }
      /**
       * Create readable stream to read from Reader.
       * @param {number} start - Position to start reading at
       * @param {number} length - Number of bytes to read
       * @returns {Object} - Readable stream
       * @throws {Error} - If arguments invalid or reader is not open
       */
      createReadStream(start, length) {
        assert(isPositiveIntegerOrZero(start), "`start` must be a positive integer or zero");
        assert(isPositiveIntegerOrZero(length), "`length` must be a positive integer or zero");
        assert(this.isOpen, "Cannot call `createReadStream()` on a reader which is not open");
        if (length === 0) {
          const emptyStream = new PassThroughStream();
          setImmediate(() => emptyStream.end());
          return emptyStream;
        }
        this.readCount++;
        try {
          const stream = this._createReadStream(start, length);
          let isEnded = false;
          const onEnd = () => {
            if (isEnded) return;
            isEnded = true;
            this.readCount--;
          };
          const originalDestroy = stream.destroy;
          stream.destroy = function(err) {
            onEnd();
            return originalDestroy.call(this, err);
          };
          stream.on("end", onEnd);
          stream.on("error", onEnd);
          stream.on("close", onEnd);
          return stream;
        } catch (err) {
          this.readCount--;
          throw err;
        }
      }
      /**
       * Open Reader.
       * Default implementation does nothing. Subclasses can optionally implement this.
       * @async
       * @returns {undefined}
       */
      async _open() {
      }
      // eslint-disable-line class-methods-use-this, no-empty-function
      /**
       * Close Reader.
       * Default implementation does nothing. Subclasses can optionally implement this.
       * @async
       * @returns {undefined}
       */
      async _close() {
      }
      // eslint-disable-line class-methods-use-this, no-empty-function
      /**
       * Read bytes from Reader into a Buffer.
       * Subclasses can override this.
       * @async
       * @param {number} start - Starting position to read at
       * @param {number} length - Number of bytes to read
       * @returns {Buffer} - Buffer
       */
      async _read(start, length) {
        const stream = this._createReadStream(start, length);
        const buffer = await streamToBuffer(stream);
        assert(buffer.length === length, "Unexpected end of file");
        return buffer;
      }
      // eslint-disable-next-line jsdoc/require-returns-check
      /**
       * Create readable stream to read from Reader.
       * Subclasses must implement this.
       * @param {number} start - Position to start reading at
       * @param {number} length - Number of bytes to read
       * @returns {Object} - Readable stream
       * @throws {Error} - If fail to create stream
       */
      _createReadStream(start, length) {
        throw new Error("Not implemented");
      }
    };
    var shimmedFs = {
      open() {
        throw new Error(
          "Shimmed FS `open` method should not be called. If you get this error, please raise an issue."
        );
      },
      read(...args) {
        return fs.read(...args);
      },
      close(fd, cb) {
        setImmediate(() => cb(null));
      }
    };
    var FdReader = class extends Reader {
      /**
       * Create `FdReader`.
       * @param {number} fd - File descriptor
       */
      constructor(fd) {
        super();
        this.fd = fd;
      }
      _close() {
        return closeAsync(this.fd);
      }
      _read(start, length) {
        return new Promise((resolve, reject) => {
          const buffer = Buffer.allocUnsafe(length);
          fs.read(this.fd, buffer, 0, length, start, (err, bytesRead) => {
            if (err) {
              reject(err);
            } else if (bytesRead !== length) {
              reject(new Error("Unexpected end of file"));
            } else {
              resolve(buffer);
            }
          });
        });
      }
      _createReadStream(start, length) {
        return fs.createReadStream(null, { start, end: start + length - 1, fd: this.fd, fs: shimmedFs });
      }
    };
    var FileReader = class extends Reader {
      /**
       * Create `FileReader`.
       * @param {string} path - File path
       */
      constructor(path) {
        super();
        this.path = path;
        this.fd = null;
      }
      async _open() {
        this.fd = await openAsync(this.path, "r", 292);
      }
      async _close() {
        await closeAsync(this.fd);
        this.fd = null;
      }
    };
    FileReader.prototype._read = FdReader.prototype._read;
    FileReader.prototype._createReadStream = FdReader.prototype._createReadStream;
    var BufferReader = class extends Reader {
      /**
       * Create `BufferReader`.
       * @param {Buffer} buffer - Buffer
       */
      constructor(buffer) {
        super();
        this.buffer = buffer;
      }
      async _read(start, length) {
        const end = start + length;
        assert(end <= this.buffer.length, "Cannot read beyond end of buffer");
        return this.buffer.subarray(start, end);
      }
      _createReadStream(start, length) {
        const end = start + length;
        assert(end <= this.buffer.length, "Cannot read beyond end of buffer");
        const slice = this.buffer.subarray(start, end);
        return ReadableStream.from(slice);
      }
    };
    module.exports = { Reader, FdReader, FileReader, BufferReader };
  }
});

// node_modules/yauzl-promise/lib/index.js
var require_lib = __commonJS({
  "node_modules/yauzl-promise/lib/index.js"(exports, module) {
    "use strict";
    var { fstat } = __require("fs");
    var { promisify } = __require("util");
    var { isObject, isString, isBoolean, isInteger, isPositiveInteger } = require_is_it_type2();
    var assert = require_simple_invariant();
    var fstatAsync = promisify(fstat);
    var Zip = require_zip();
    var Entry = require_entry();
    var { Reader, FileReader, FdReader, BufferReader } = require_reader();
    var { dosDateTimeToDate, validateFilename } = require_utils();
    var { INTERNAL_SYMBOL } = require_shared();
    module.exports = {
      Zip,
      Entry,
      open,
      fromFd,
      fromBuffer,
      fromReader,
      Reader,
      dosDateTimeToDate,
      validateFilename
    };
    async function open(path, options) {
      assert(isString(path), "`path` must be a string");
      options = validateOptions(options);
      const reader = new FileReader(path);
      await reader.open();
      const { size } = await fstatAsync(reader.fd);
      const zip = new Zip(INTERNAL_SYMBOL, reader, size, options);
      await zip._init();
      return zip;
    }
    async function fromFd(fd, options) {
      assert(isInteger(fd), "`fd` must be an integer");
      options = validateOptions(options);
      const reader = new FdReader(fd);
      await reader.open();
      const { size } = await fstatAsync(fd);
      const zip = new Zip(INTERNAL_SYMBOL, reader, size, options);
      await zip._init();
      return zip;
    }
    async function fromBuffer(buffer, options) {
      assert(buffer instanceof Buffer, "`buffer` must be a Buffer");
      options = validateOptions(options);
      const reader = new BufferReader(buffer);
      await reader.open();
      const zip = new Zip(INTERNAL_SYMBOL, reader, buffer.length, options);
      await zip._init();
      return zip;
    }
    async function fromReader(reader, size, options) {
      assert(reader instanceof Reader, "`reader` must be an instance of `Reader` class");
      assert(isPositiveInteger(size), "`size` must be a positive integer");
      options = validateOptions(options);
      await reader.open();
      const zip = new Zip(INTERNAL_SYMBOL, reader, size, options);
      await zip._init();
      return zip;
    }
    function validateOptions(inputOptions) {
      const options = {
        decodeStrings: true,
        validateEntrySizes: true,
        validateFilenames: true,
        strictFilenames: false,
        supportMacArchive: true
      };
      if (inputOptions != null) {
        assert(isObject(inputOptions), "`options` must be an object if provided");
        for (const [key, value] of Object.entries(inputOptions)) {
          assert(Object.hasOwn(options, key), `Unknown option '${key}'`);
          assert(isBoolean(value), `\`options.${key}\` must be a boolean if provided`);
          options[key] = value;
        }
      }
      return options;
    }
  }
});

// node_modules/yauzl-promise/index.js
var require_yauzl_promise = __commonJS({
  "node_modules/yauzl-promise/index.js"(exports, module) {
    "use strict";
    module.exports = require_lib();
  }
});

// node_modules/ovsx/lib/zip.js
var require_zip2 = __commonJS({
  "node_modules/ovsx/lib/zip.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readVSIXPackage = readVSIXPackage;
    var yauzl = require_yauzl_promise();
    async function bufferStream(stream) {
      return await new Promise((resolve, reject) => {
        const buffers = [];
        stream.on("data", (buffer) => buffers.push(buffer));
        stream.once("error", reject);
        stream.once("end", () => resolve(Buffer.concat(buffers)));
      });
    }
    async function readZip(packagePath, filter) {
      const result = /* @__PURE__ */ new Map();
      const zipfile = await yauzl.open(packagePath);
      try {
        for await (const entry of zipfile) {
          const name = entry.filename.toLowerCase();
          if (filter(name)) {
            const stream = await zipfile.openReadStream(entry);
            const buffer = await bufferStream(stream);
            result.set(name, buffer);
          }
        }
      } finally {
        await zipfile.close();
      }
      return result;
    }
    async function readVSIXPackage(packagePath) {
      const map = await readZip(packagePath, (name) => /^extension\/package\.json$/i.test(name));
      const rawManifest = map.get("extension/package.json");
      if (!rawManifest) {
        throw new Error("Manifest not found.");
      }
      return JSON.parse(rawManifest.toString("utf8"));
    }
  }
});

// node_modules/ovsx/lib/publish.js
var require_publish = __commonJS({
  "node_modules/ovsx/lib/publish.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.publish = publish;
    var vsce_1 = require_api();
    var pat_1 = require_pat();
    var util_1 = require_util();
    var registry_1 = require_registry();
    var check_license_1 = require_check_license();
    var zip_1 = require_zip2();
    async function publish(options = {}) {
      (0, util_1.addEnvOptions)(options);
      const internalPublishOptions = [];
      const packagePaths = options.packagePath || [void 0];
      const targets = options.targets || [void 0];
      for (const packagePath of packagePaths) {
        for (const target of targets) {
          internalPublishOptions.push({ ...options, packagePath, target });
        }
      }
      return Promise.allSettled(internalPublishOptions.map((publishOptions) => doPublish(publishOptions)));
    }
    async function doPublish(options = {}) {
      if (options.packagePath?.endsWith(".vsix")) {
        options.extensionFile = options.packagePath;
        delete options.packagePath;
        delete options.target;
      }
      const registry = new registry_1.Registry(options);
      if (!options.extensionFile) {
        await packageExtension(options, registry);
        console.log();
      } else if (options.preRelease) {
        console.warn("Ignoring option '--pre-release' for prepackaged extension.");
      }
      if (!options.pat) {
        const namespace = (await (0, zip_1.readVSIXPackage)(options.extensionFile)).publisher;
        options.pat = await (0, pat_1.getPAT)(namespace, options);
      }
      let extension;
      try {
        extension = await registry.publish(options.extensionFile, options.pat);
      } catch (err) {
        if (options.skipDuplicate && err.message.endsWith("is already published.")) {
          console.log(err.message + " Skipping publish.");
          return;
        } else {
          throw err;
        }
      }
      if (extension.error) {
        throw new Error(extension.error);
      }
      const name = `${extension.namespace}.${extension.name}`;
      let description = `${name} v${extension.version}`;
      if (extension.targetPlatform !== "universal") {
        description += `@${extension.targetPlatform}`;
      }
      console.log(`\u{1F680}  Published ${description}`);
      if (extension.warning) {
        console.log(`
!!  ${extension.warning}`);
      }
    }
    async function packageExtension(options, registry) {
      if (registry.requiresLicense) {
        await (0, check_license_1.checkLicense)(options.packagePath);
      }
      options.extensionFile = await (0, util_1.createTempFile)({ postfix: ".vsix" });
      const packageOptions = {
        packagePath: options.extensionFile,
        target: options.target,
        cwd: options.packagePath,
        baseContentUrl: options.baseContentUrl,
        baseImagesUrl: options.baseImagesUrl,
        useYarn: options.yarn,
        dependencies: options.dependencies,
        preRelease: options.preRelease,
        version: options.packageVersion
      };
      await (0, vsce_1.createVSIX)(packageOptions);
    }
  }
});

// node_modules/ovsx/lib/publish-options.js
var require_publish_options = __commonJS({
  "node_modules/ovsx/lib/publish-options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/ovsx/lib/registry-options.js
var require_registry_options = __commonJS({
  "node_modules/ovsx/lib/registry-options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/ovsx/lib/verify-pat.js
var require_verify_pat = __commonJS({
  "node_modules/ovsx/lib/verify-pat.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyPat = verifyPat;
    var pat_1 = require_pat();
    var util_1 = require_util();
    async function verifyPat(options) {
      (0, util_1.addEnvOptions)(options);
      if (!options.namespace) {
        let error;
        try {
          options.namespace = (await (0, util_1.readManifest)()).publisher;
        } catch (e) {
          error = e;
        }
        if (!options.namespace) {
          throw new Error(`Unable to read the namespace's name. Please supply it as an argument or run ovsx from the extension folder.` + (error ? `

${error}` : ""));
        }
      }
      options.pat = await (0, pat_1.getPAT)(options.namespace, options, false);
      await (0, pat_1.doVerifyPat)(options);
    }
  }
});

// node_modules/ovsx/lib/verify-pat-options.js
var require_verify_pat_options = __commonJS({
  "node_modules/ovsx/lib/verify-pat-options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/ovsx/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/ovsx/lib/index.js"(exports) {
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readManifest = exports.validateManifest = exports.isLicenseOk = void 0;
    __exportStar(require_create_namespace(), exports);
    __exportStar(require_create_namespace_options(), exports);
    __exportStar(require_get(), exports);
    __exportStar(require_get_options(), exports);
    __exportStar(require_login(), exports);
    __exportStar(require_login_options(), exports);
    __exportStar(require_logout(), exports);
    __exportStar(require_publish(), exports);
    __exportStar(require_publish_options(), exports);
    __exportStar(require_registry(), exports);
    __exportStar(require_registry_options(), exports);
    __exportStar(require_verify_pat(), exports);
    __exportStar(require_verify_pat_options(), exports);
    var check_license_1 = require_check_license();
    Object.defineProperty(exports, "isLicenseOk", { enumerable: true, get: function() {
      return check_license_1.isLicenseOk;
    } });
    var util_1 = require_util();
    Object.defineProperty(exports, "validateManifest", { enumerable: true, get: function() {
      return util_1.validateManifest;
    } });
    Object.defineProperty(exports, "readManifest", { enumerable: true, get: function() {
      return util_1.readManifest;
    } });
  }
});
export default require_lib2();
