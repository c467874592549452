# Evaluates a cask file the way Homebrew's Cask DSL would for one CPU, with the DSL's methods
# recording what they are given, and prints the result as JSON:
#
#   ruby homebrew-cask-dsl.rb Casks/x.rb arm|intel
#
# Only the stanzas DeployForge writes are known; any other method is an error, so a misspelt or
# misplaced stanza fails here as `brew` would fail on it. Not Homebrew itself (it cannot run here).
require "json"

class CaskRecorder
  STANZAS = %i[version sha256 url name desc homepage binary].freeze

  def initialize(cpu)
    @cpu = cpu
    @seen = {}
  end

  attr_reader :seen

  STANZAS.each do |stanza|
    define_method(stanza) do |*args, **options|
      raise ArgumentError, "#{stanza} given twice" if @seen.key?(stanza.to_s)
      raise ArgumentError, "#{stanza} takes one string" unless args.length == 1 && args[0].is_a?(String) && options.empty?

      @seen[stanza.to_s] = args[0]
    end
  end

  def depends_on(**options)
    raise ArgumentError, "depends_on: unknown #{options.keys}" unless options.keys == [:arch]
    raise ArgumentError, "depends_on arch: #{options[:arch]}" unless %i[arm64 x86_64 intel].include?(options[:arch])

    @seen["depends_on_arch"] = options[:arch].to_s
  end

  def on_arm(&block)
    instance_eval(&block) if @cpu == "arm"
  end

  def on_intel(&block)
    instance_eval(&block) if @cpu == "intel"
  end

  def method_missing(name, *_args)
    raise NoMethodError, "not a cask stanza DeployForge writes: #{name}"
  end

  def respond_to_missing?(*)
    false
  end
end

$casks = []

def cask(token, &block)
  raise ArgumentError, "the cask token must be a string" unless token.is_a?(String)

  recorder = CaskRecorder.new(ARGV[1])
  recorder.instance_eval(&block)
  $casks << { "token" => token }.merge(recorder.seen)
end

load ARGV[0]
raise "expected exactly one cask, got #{$casks.length}" unless $casks.length == 1

puts JSON.generate($casks[0])
