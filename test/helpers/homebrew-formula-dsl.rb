# Loads a formula file the way Homebrew's Formula DSL reads it on one OS and CPU, with the class
# methods recording what they are given, and prints the result as JSON:
#
#   ruby homebrew-formula-dsl.rb Formula/x.rb macos|linux arm|intel
#
# Only the DSL DeployForge writes is known; any other class method is an error. `def install` and
# a `test do` block must be there but are not run. Not Homebrew itself (it cannot run
# here): this checks which url/sha256 each machine would get, which `ruby -c` cannot.
require "json"

$os, $cpu = ARGV[1], ARGV[2]

class Formula
  STANZAS = %i[desc homepage version url sha256].freeze

  class << self
    attr_reader :seen

    def inherited(subclass)
      super
      subclass.instance_variable_set(:@seen, {})
      $formulas << subclass
    end

    STANZAS.each do |stanza|
      define_method(stanza) do |*args, **options|
        raise ArgumentError, "#{stanza} given twice for this machine" if @seen.key?(stanza.to_s)
        raise ArgumentError, "#{stanza} takes one string" unless args.length == 1 && args[0].is_a?(String) && options.empty?

        @seen[stanza.to_s] = args[0]
      end
    end

    def license(*args, **options)
      @seen["license"] = args.empty? ? options.transform_keys(&:to_s) : args[0]
    end

    def test(&block)
      raise ArgumentError, "test needs a block" unless block

      @test_block = block
    end

    def test_block? = !@test_block.nil?

    def on_macos(&block) = ($os == "macos" ? class_eval(&block) : nil)
    def on_linux(&block) = ($os == "linux" ? class_eval(&block) : nil)
    def on_arm(&block) = ($cpu == "arm" ? class_eval(&block) : nil)
    def on_intel(&block) = ($cpu == "intel" ? class_eval(&block) : nil)

    def method_missing(name, *_args)
      raise NoMethodError, "not a formula stanza DeployForge writes: #{name}"
    end

    def respond_to_missing?(*) = false
  end
end

$formulas = []
load ARGV[0]
raise "expected exactly one formula, got #{$formulas.length}" unless $formulas.length == 1

formula = $formulas[0]
raise "the formula defines no install" unless formula.method_defined?(:install)
raise "the formula has no test block" unless formula.test_block?
puts JSON.generate({ "class" => formula.name }.merge(formula.seen))
